import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { RegisterForm } from "@/components/auth/register-form";
import { getSession } from "@/lib/session";
import { safeRedirectPath } from "@shop/contracts/session";

export const metadata: Metadata = { title: "회원가입", robots: { index: false } };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ redirect?: string | string[]; error?: string | string[] }>;
}) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const redirectTo = safeRedirectPath(first(params.redirect));
  // A form posted without script comes back here with the edge's error code.
  const errorCode = first(params.error);
  const session = await getSession();
  // An already signed-in member is sent on.
  if (session && session.role !== "guest") redirect(redirectTo);
  return (
    <>
      <PageHeader title="회원가입" back={{ href: "/auth/login", label: "로그인" }} />
      <div className="px-5 pt-6">
        <p className="mb-6 text-sm text-muted">
          가입하면 장바구니가 기기 간에 유지되고 주문 내역을 볼 수 있어요.
        </p>
        <RegisterForm redirectTo={redirectTo} errorCode={errorCode} />
      </div>
    </>
  );
}
