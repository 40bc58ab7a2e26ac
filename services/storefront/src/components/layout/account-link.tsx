"use client";

import { Link } from "@/components/ui/link";
import { useStore } from "zustand";
import { sessionStore } from "@/lib/stores";

/** Login state in the header, filled in after hydration (catalogue HTML is shared by everyone). */
export function AccountLink() {
  const status = useStore(sessionStore, (s) => s.status);
  const user = useStore(sessionStore, (s) => s.user);
  if (status !== "ready") return <span className="inline-block h-5 w-12" aria-hidden />;
  if (!user) {
    return (
      <Link href="/auth/login" className="text-sm font-medium text-brand hover:underline">
        로그인
      </Link>
    );
  }
  return (
    <Link
      href="/account"
      className="block max-w-20 truncate text-sm font-medium text-muted hover:underline"
      title="내 정보"
    >
      {user.name ?? "내 정보"}님
    </Link>
  );
}
