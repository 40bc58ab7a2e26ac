import type { OrderTotals } from "@/lib/api/orders";
import { formatWon } from "@/lib/format";

/** Items, discount, shipping and total, as computed by the order service. */
export function OrderSummary({
  totals,
  title = "결제 금액",
}: {
  totals: OrderTotals;
  title?: string;
}) {
  return (
    <section aria-label={title} className="rounded-2xl bg-slate-50 p-4">
      <dl className="flex flex-col gap-1.5 text-sm">
        <div className="flex justify-between">
          <dt className="text-muted">상품 금액</dt>
          <dd>{formatWon(totals.itemsTotal)}</dd>
        </div>
        {totals.discountTotal > 0 ? (
          <div className="flex justify-between">
            <dt className="text-muted">할인</dt>
            <dd className="text-sale">−{formatWon(totals.discountTotal)}</dd>
          </div>
        ) : null}
        <div className="flex justify-between">
          <dt className="text-muted">배송비</dt>
          <dd>{totals.shippingFee === 0 ? "무료" : formatWon(totals.shippingFee)}</dd>
        </div>
        <div className="mt-1 flex justify-between border-t border-slate-200 pt-2 text-base font-bold">
          <dt>{title}</dt>
          <dd data-testid="grand-total">{formatWon(totals.grandTotal)}</dd>
        </div>
      </dl>
    </section>
  );
}
