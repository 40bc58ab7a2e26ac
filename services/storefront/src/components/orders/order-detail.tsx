import { Link } from "@/components/ui/link";
import { STATE_LABELS, type Order } from "@/lib/api/orders";
import { formatDateTime, formatWon } from "@/lib/format";
import { OrderSummary } from "@/components/checkout/order-summary";
import { OrderStateBadge } from "./order-state-badge";
import { CancelOrderButton } from "./cancel-order-button";

/** Everything about one order: state and history, lines, totals, address, payment. */
export function OrderDetail({ order, canCancel = true }: { order: Order; canCancel?: boolean }) {
  return (
    <div className="flex flex-col gap-5 px-4">
      <div className="flex items-center justify-between">
        <div>
          <p className="text-sm text-muted">주문번호</p>
          <p className="font-bold" data-testid="order-number">
            {order.number}
          </p>
        </div>
        <OrderStateBadge state={order.state} />
      </div>
      <ul
        className="divide-y divide-slate-100 rounded-2xl border border-slate-100 px-3"
        aria-label="주문 상품"
      >
        {order.lines.map((line, i) => (
          <li key={`${line.productId}-${i}`} className="flex justify-between gap-3 py-3 text-sm">
            <span className="min-w-0">
              {line.slug ? (
                <Link href={`/products/${line.slug}`} className="font-semibold hover:underline">
                  {line.name}
                </Link>
              ) : (
                <span className="font-semibold">{line.name}</span>
              )}
              {line.optionLabel ? (
                <span className="block text-xs text-muted">옵션: {line.optionLabel}</span>
              ) : null}
              <span className="block text-xs text-muted">
                {formatWon(line.unitPrice)} × {line.quantity}
              </span>
            </span>
            <span className="shrink-0 font-semibold">{formatWon(line.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <OrderSummary totals={order.totals} />
      {order.shippingAddress ? (
        <section aria-labelledby="ship-to" className="text-sm">
          <h2 id="ship-to" className="mb-1 font-bold">
            배송지 · {order.shippingMethod === "express" ? "빠른 배송" : "일반 배송"}
          </h2>
          <p>
            {order.shippingAddress.recipient} · {order.shippingAddress.phone}
          </p>
          <p className="text-muted">
            ({order.shippingAddress.postalCode}) {order.shippingAddress.line1}{" "}
            {order.shippingAddress.line2}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="payment" className="text-sm">
        <h2 id="payment" className="mb-1 font-bold">
          결제
        </h2>
        <p className="text-muted">
          카드{order.payment.last4 ? ` **** ${order.payment.last4}` : ""} · {order.payment.status}
        </p>
      </section>
      {order.transitions.length ? (
        <section aria-labelledby="history" className="text-sm">
          <h2 id="history" className="mb-1 font-bold">
            진행 상황
          </h2>
          <ol className="flex flex-col gap-1">
            {order.transitions.map((t, i) => (
              <li key={i} className="flex justify-between text-muted">
                <span>{STATE_LABELS[t.to]}</span>
                <time dateTime={t.at}>{formatDateTime(t.at)}</time>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {canCancel && order.cancellable ? <CancelOrderButton orderId={order.id} /> : null}
    </div>
  );
}
