import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { CheckCircle2 } from "lucide-react";
import { ApiError } from "@/lib/api/http";
import { getOrder } from "@/lib/api/orders";
import { userGateway } from "@/lib/api/server";
import { getSession } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";
import { OrderDetail } from "@/components/orders/order-detail";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";

export const metadata: Metadata = { title: "주문 완료", robots: { index: false } };

/** Order confirmation, for the session that placed it (guest or member). */
export default async function CheckoutCompletePage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const [order, session] = await Promise.all([
    getOrder(await userGateway(), id).catch((error: unknown) => {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) notFound();
      throw error;
    }),
    getSession(),
  ]);
  const member = session && session.role !== "guest";
  const paid = order.state !== "pending_payment" && order.state !== "cancelled";
  return (
    <>
      <PageHeader title="주문 완료" />
      <div className="flex flex-col items-center gap-2 px-4 py-6 text-center">
        <CheckCircle2 aria-hidden className="size-12 text-emerald-600" />
        <h2 className="text-xl font-bold">{paid ? "주문이 완료되었어요" : "주문을 접수했어요"}</h2>
        <p className="text-sm text-muted">
          {paid
            ? "결제가 승인되었어요. 배송이 시작되면 알려 드릴게요."
            : "결제 확인이 끝나면 주문 상태가 바뀌어요."}
          {order.email ? ` 주문 확인 메일: ${order.email}` : ""}
        </p>
      </div>
      <OrderDetail order={order} />
      <div className="flex gap-2 px-4 pt-6">
        <Link href={member ? `/orders/${order.id}` : "/"} className={`${buttonSecondary} flex-1`}>
          {member ? "주문 상세" : "홈으로"}
        </Link>
        <Link href="/" className={`${buttonPrimary} flex-1`}>
          쇼핑 계속하기
        </Link>
      </div>
    </>
  );
}
