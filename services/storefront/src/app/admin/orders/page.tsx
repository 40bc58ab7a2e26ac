import { AdminPager } from "@/components/admin/admin-pager";
import type { Metadata } from "next";
import { FilterTabs } from "@/components/admin/filter-tabs";
import { ORDER_STATES, STATE_LABELS, listAdminOrders, type OrderState } from "@/lib/api/orders";
import { userGateway } from "@/lib/api/server";
import { formatDateTime, formatWon } from "@/lib/format";
import { requireAdmin } from "@/lib/session";
import { OrderStateBadge } from "@/components/orders/order-state-badge";
import { OrderTransitions } from "@/components/admin/order-transitions";

export const metadata: Metadata = { title: "주문 관리" };

interface Props {
  searchParams: Promise<{ state?: string; page?: string }>;
}

export default async function AdminOrdersPage({ searchParams }: Props) {
  await requireAdmin("/admin/orders");
  const params = await searchParams;
  const state = ORDER_STATES.includes(params.state as OrderState)
    ? (params.state as OrderState)
    : null;
  const page = Math.max(1, Number(params.page) || 1);
  const orders = await listAdminOrders(await userGateway(), state, page);
  const tabs: (OrderState | null)[] = [null, ...ORDER_STATES];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">주문 관리</h1>
      <FilterTabs
        label="주문 상태"
        tabs={tabs.map((tab) => ({
          key: tab ?? "all",
          href: tab ? `/admin/orders?state=${tab}` : "/admin/orders",
          label: tab ? STATE_LABELS[tab] : "전체",
          current: tab === state,
        }))}
      />
      <p className="text-sm text-muted">{orders.total}건</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[720px] text-left text-sm">
          <thead className="border-b border-slate-200 text-xs text-muted">
            <tr>
              <th scope="col" className="py-2">
                주문
              </th>
              <th scope="col">고객</th>
              <th scope="col">금액</th>
              <th scope="col">상태</th>
              <th scope="col">상태 변경</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {orders.items.map((order) => (
              <tr key={order.id} data-testid="admin-order-row" data-order-id={order.id}>
                <td className="py-2">
                  <span className="font-semibold">{order.number}</span>
                  <span className="block text-xs text-muted">
                    {formatDateTime(order.createdAt)}
                  </span>
                </td>
                <td>
                  {order.email}
                  <span className="block text-xs text-muted">
                    {order.lines[0]?.name}
                    {order.lines.length > 1 ? ` 외 ${order.lines.length - 1}건` : ""}
                  </span>
                </td>
                <td>{formatWon(order.totals.grandTotal)}</td>
                <td>
                  <OrderStateBadge state={order.state} />
                </td>
                <td>
                  <OrderTransitions orderId={order.id} state={order.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AdminPager
        basePath="/admin/orders"
        params={{ state }}
        page={page}
        totalPages={orders.totalPages}
      />
    </div>
  );
}
