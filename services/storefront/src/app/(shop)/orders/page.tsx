import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { listOrders } from "@/lib/api/orders";
import { userGateway } from "@/lib/api/server";
import { requireMember } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";
import { OrderList } from "@/components/orders/order-list";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "주문 내역", robots: { index: false } };

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  await requireMember("/orders");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const orders = await listOrders(await userGateway(), page);
  return (
    <>
      <PageHeader title="Orders" />
      <div className="pt-2">
        {orders.items.length ? (
          <OrderList orders={orders.items} hrefOf={(o) => `/orders/${o.id}`} />
        ) : (
          <EmptyState
            title="아직 주문한 상품이 없어요"
            action={{ href: "/", label: "쇼핑하러 가기" }}
          />
        )}
        {orders.totalPages > 1 ? (
          <nav aria-label="페이지" className="flex justify-center gap-4 py-6 text-sm">
            {page > 1 ? <Link href={`/orders?page=${page - 1}`}>이전</Link> : null}
            <span>
              {page} / {orders.totalPages}
            </span>
            {page < orders.totalPages ? <Link href={`/orders?page=${page + 1}`}>다음</Link> : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}
