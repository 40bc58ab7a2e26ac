import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getCheckoutPreview } from "@/lib/api/orders";
import { userGateway } from "@/lib/api/server";
import { getSession, hasSessionCookie } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "주문서", robots: { index: false } };

const REASONS = {
  not_found: "판매가 끝났어요",
  unavailable: "지금은 살 수 없어요",
  insufficient_stock: "재고가 부족해요",
} as const;

/** Checkout for guests (with an email) and members (address prefilled from the profile). */
export default async function CheckoutPage() {
  if (!(await hasSessionCookie())) redirect("/cart");
  const [preview, session] = await Promise.all([
    getCheckoutPreview(await userGateway()),
    getSession(),
  ]);
  if (preview.lines.length === 0) redirect("/cart");
  const guest = !session || session.role === "guest";
  return (
    <>
      <PageHeader title="주문서" back={{ href: "/cart", label: "장바구니" }} />
      <div className="flex flex-col gap-4 pt-2">
        {guest ? (
          <div className="px-4">
            <Alert>
              <Link href="/auth/login?redirect=%2Fcheckout" className="font-semibold underline">
                로그인
              </Link>
              하면 저장된 배송지로 빠르게 주문할 수 있어요. 비회원으로도 주문할 수 있어요.
            </Alert>
          </div>
        ) : null}
        {preview.problems.length ? (
          <div className="px-4">
            <Alert tone="error">
              주문할 수 없는 상품이 있어요:{" "}
              {preview.problems.map((p) => `${p.name ?? "상품"} (${REASONS[p.reason]})`).join(", ")}
              .{" "}
              <Link href="/cart" className="font-semibold underline">
                장바구니에서 정리하기
              </Link>
            </Alert>
          </div>
        ) : null}
        <ul
          className="mx-4 divide-y divide-slate-100 rounded-2xl border border-slate-100 px-3"
          aria-label="주문 상품"
        >
          {preview.lines.map((line) => (
            <li
              key={`${line.productId}-${line.optionLabel ?? ""}`}
              className="flex justify-between gap-3 py-2 text-sm"
            >
              <span className="min-w-0 truncate">
                {line.name}
                {line.optionLabel ? ` · ${line.optionLabel}` : ""} × {line.quantity}
              </span>
              <span className="shrink-0 font-semibold">
                {line.lineTotal.toLocaleString("ko-KR")}원
              </span>
            </li>
          ))}
        </ul>
        <CheckoutForm preview={preview} guest={guest} />
      </div>
    </>
  );
}
