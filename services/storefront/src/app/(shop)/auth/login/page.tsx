import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { LoginForm } from "@/components/auth/login-form";
import { getSession } from "@/lib/session";
import { safeRedirectPath } from "@shop/contracts/session";

export const metadata: Metadata = { title: "로그인", robots: { index: false } };

export default async function LoginPage({
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
      <PageHeader title="로그인" back={{ href: "/", label: "홈" }} />
      <div className="px-5 pt-6">
        <p className="mb-6 text-sm text-muted">
          모아샵 계정으로 로그인하고 위시리스트와 주문 내역을 확인하세요.
        </p>
        <LoginForm redirectTo={redirectTo} errorCode={errorCode} />
      </div>
    </>
  );
}
