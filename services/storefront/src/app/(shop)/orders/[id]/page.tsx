import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/api/http";
import { getOrder } from "@/lib/api/orders";
import { userGateway } from "@/lib/api/server";
import { requireMember } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";
import { OrderDetail } from "@/components/orders/order-detail";

export const metadata: Metadata = { title: "주문 상세", robots: { index: false } };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireMember(`/orders/${id}`);
  const order = await getOrder(await userGateway(), id).catch((error: unknown) => {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title="주문 상세" back={{ href: "/orders", label: "주문 내역" }} />
      <div className="pt-2">
        <OrderDetail order={order} />
      </div>
    </>
  );
}
