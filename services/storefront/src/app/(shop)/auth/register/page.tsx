import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { RegisterForm } from "@/components/auth/register-form";
import { getSession } from "@/lib/session";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "회원가입", robots: { index: false } };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ redirect?: string | string[] }>;
}) {
  const raw = (await searchParams).redirect;
  const redirectTo = safeRedirectPath(Array.isArray(raw) ? raw[0] : raw);
  const session = await getSession();
  // An already signed-in member is sent on; not while the page re-renders for the form's own server
  // action, whose answer makes the browser reload at the destination (fresh per-user state).
  const duringAction = (await headers()).has("next-action");
  if (session && session.role !== "guest" && !duringAction) redirect(redirectTo);
  return (
    <>
      <PageHeader title="회원가입" back={{ href: "/auth/login", label: "로그인" }} />
      <div className="px-5 pt-6">
        <p className="mb-6 text-sm text-muted">
          가입하면 장바구니가 기기 간에 유지되고 주문 내역을 볼 수 있어요.
        </p>
        <RegisterForm redirectTo={redirectTo} />
      </div>
    </>
  );
}
