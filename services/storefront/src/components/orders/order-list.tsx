import { Link } from "@/components/ui/link";
import type { Order } from "@/lib/api/orders";
import { formatDate, formatWon } from "@/lib/format";
import { OrderStateBadge } from "./order-state-badge";

export function OrderList({
  orders,
  hrefOf,
}: {
  orders: Order[];
  hrefOf: (order: Order) => string;
}) {
  return (
    <ul className="flex flex-col gap-3 px-4" aria-label="주문 목록">
      {orders.map((order) => {
        const first = order.lines[0];
        const more = order.lines.length - 1;
        return (
          <li key={order.id}>
            <Link
              href={hrefOf(order)}
              className="flex flex-col gap-1 rounded-2xl border border-slate-100 p-4 hover:bg-slate-50"
              data-testid="order-card"
            >
              <span className="flex items-center justify-between">
                <span className="text-xs text-muted">
                  {formatDate(order.createdAt)} · {order.number}
                </span>
                <OrderStateBadge state={order.state} />
              </span>
              <span className="font-semibold">
                {first?.name ?? "주문"}
                {more > 0 ? ` 외 ${more}건` : ""}
              </span>
              <span className="text-sm font-bold">{formatWon(order.totals.grandTotal)}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
