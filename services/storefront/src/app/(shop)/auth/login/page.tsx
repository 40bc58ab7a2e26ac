import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { LoginForm } from "@/components/auth/login-form";
import { getSession } from "@/lib/session";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "로그인", robots: { index: false } };

export default async function LoginPage({
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
      <PageHeader title="로그인" back={{ href: "/", label: "홈" }} />
      <div className="px-5 pt-6">
        <p className="mb-6 text-sm text-muted">
          모아샵 계정으로 로그인하고 위시리스트와 주문 내역을 확인하세요.
        </p>
        <LoginForm redirectTo={redirectTo} />
      </div>
    </>
  );
}
