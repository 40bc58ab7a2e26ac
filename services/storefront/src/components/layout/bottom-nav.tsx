"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { ClipboardCheck, House, ShoppingCart, User } from "lucide-react";
import clsx from "clsx";
import { useStore } from "zustand";
import { cartStore } from "@/lib/stores";

const TABS = [
  {
    href: "/",
    label: "Home",
    icon: House,
    match: (p: string) =>
      p === "/" ||
      p.startsWith("/categories") ||
      p.startsWith("/products") ||
      p.startsWith("/search"),
  },
  {
    href: "/cart",
    label: "Cart",
    icon: ShoppingCart,
    match: (p: string) => p.startsWith("/cart") || p.startsWith("/checkout"),
  },
  {
    href: "/orders",
    label: "Orders",
    icon: ClipboardCheck,
    match: (p: string) => p.startsWith("/orders"),
  },
  {
    href: "/account",
    label: "Profile",
    icon: User,
    match: (p: string) =>
      p.startsWith("/account") || p.startsWith("/auth") || p.startsWith("/wishlist"),
  },
];

/** Bottom navigation (Home / Cart / Orders / Profile) with the cart badge. */
export function BottomNav() {
  const pathname = usePathname();
  const count = useStore(cartStore, (s) => s.count);
  return (
    <nav
      aria-label="주요 메뉴"
      className="fixed inset-x-0 bottom-0 z-30 mx-auto max-w-[480px] border-t border-line bg-white"
    >
      <ul className="grid grid-cols-4 px-2 py-1.5">
        {TABS.map(({ href, label, icon: Icon, match }) => {
          const active = match(pathname);
          return (
            <li key={href} className="flex justify-center">
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "relative flex w-16 flex-col items-center gap-0.5 rounded-xl py-1.5 text-xs font-medium",
                  active ? "bg-brand-soft text-brand-strong" : "text-slate-600 hover:text-ink",
                )}
              >
                <Icon aria-hidden className="size-6" strokeWidth={1.8} />
                <span>{label}</span>
                {href === "/cart" && count > 0 ? (
                  <span
                    className="absolute right-2 top-0.5 min-w-5 rounded-full bg-sale px-1 text-center text-[11px] font-bold leading-5 text-white"
                    data-testid="cart-badge"
                  >
                    <span className="sr-only">장바구니 상품 </span>
                    {count > 99 ? "99+" : count}
                    <span className="sr-only">개</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
