import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { SessionBootstrap } from "@/components/layout/session-bootstrap";

export const metadata: Metadata = {
  title: { default: "관리자", template: "%s | 모아샵 관리자" },
  robots: { index: false },
};

/** The admin area: a wider layout; every page checks the admin role on the server itself. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-white">
      <header className="border-b border-slate-200">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between px-4">
          <Link href="/admin/products" className="font-bold">
            모아샵 관리자
          </Link>
          <nav aria-label="관리 메뉴">
            <ul className="flex gap-4 text-sm font-medium">
              <li>
                <Link href="/admin/products" className="hover:underline">
                  상품
                </Link>
              </li>
              <li>
                <Link href="/admin/orders" className="hover:underline">
                  주문
                </Link>
              </li>
              <li>
                <Link href="/admin/platform" className="hover:underline">
                  플랫폼
                </Link>
              </li>
              <li>
                <Link href="/" className="text-brand hover:underline">
                  쇼핑몰로
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <SessionBootstrap />
    </div>
  );
}
