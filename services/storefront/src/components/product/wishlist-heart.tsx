"use client";

import { useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Heart } from "lucide-react";
import clsx from "clsx";
import { useStore } from "zustand";
import { sessionStore, wishlistStore } from "@/lib/stores";
import { loginPath } from "@shop/contracts/session";

/** The heart on a product: toggles the member's wishlist; guests are sent to log in first. */
export function WishlistHeart({
  productId,
  productName,
  className,
}: {
  productId: string;
  productName: string;
  className?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const active = useStore(wishlistStore, (s) => s.ids.has(productId));
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onClick() {
    // A click right after the page loads may come before the session is known: wait for it.
    if (sessionStore.getState().status !== "ready") await sessionStore.getState().load();
    if (!sessionStore.getState().user) {
      router.push(loginPath(`${pathname}${window.location.search}`));
      return;
    }
    setBusy(true);
    setFailed(false);
    try {
      await wishlistStore.getState().toggle(productId);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      onClick={onClick}
      disabled={busy}
      aria-pressed={active}
      aria-label={`${productName} ${active ? "위시리스트에서 빼기" : "위시리스트에 담기"}`}
      title={failed ? "잠시 후 다시 시도해 주세요." : undefined}
      className={clsx(
        "grid size-9 place-items-center rounded-full bg-white/80 hover:bg-white",
        className,
      )}
    >
      <Heart
        aria-hidden
        className={clsx("size-5", active ? "fill-sale text-sale" : "text-slate-700")}
        strokeWidth={1.8}
      />
    </button>
  );
}
