import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ChevronRight, Heart, LayoutDashboard, Package } from "lucide-react";
import { getMe } from "@/lib/api/members";
import { userGateway } from "@/lib/api/server";
import { requireMember } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";
import { ProfileForm } from "@/components/account/profile-form";
import { PasswordForm } from "@/components/account/password-form";
import { LogoutButton } from "@/components/auth/logout-button";

export const metadata: Metadata = { title: "내 정보", robots: { index: false } };

export default async function AccountPage() {
  const session = await requireMember("/account");
  const member = await getMe(await userGateway());
  const links = [
    { href: "/orders", label: "주문 내역", icon: Package },
    { href: "/wishlist", label: "위시리스트", icon: Heart },
    ...(session.role === "admin"
      ? [{ href: "/admin/products", label: "관리자: 상품 · 주문", icon: LayoutDashboard }]
      : []),
  ];
  return (
    <>
      <PageHeader title="Profile" />
      <div className="flex flex-col gap-8 px-4 pt-4">
        <section aria-labelledby="me-title" className="rounded-2xl bg-brand-soft p-4">
          <h2 id="me-title" className="text-lg font-bold">
            {member.name}님
          </h2>
          <p className="text-sm text-slate-700" data-testid="account-email">
            {member.email}
          </p>
        </section>
        <nav aria-label="내 쇼핑">
          <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-100">
            {links.map(({ href, label, icon: Icon }) => (
              <li key={href}>
                <Link
                  href={href}
                  className="flex items-center gap-3 px-4 py-3 text-[15px] hover:bg-slate-50"
                >
                  <Icon aria-hidden className="size-5 text-brand" />
                  <span className="flex-1">{label}</span>
                  <ChevronRight aria-hidden className="size-4 text-slate-500" />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-labelledby="profile-title" className="flex flex-col gap-3">
          <h2 id="profile-title" className="text-lg font-bold">
            회원 정보
          </h2>
          <ProfileForm member={member} />
        </section>
        <section aria-labelledby="password-title" className="flex flex-col gap-3">
          <h2 id="password-title" className="text-lg font-bold">
            비밀번호 변경
          </h2>
          <PasswordForm />
        </section>
        <LogoutButton />
      </div>
    </>
  );
}
