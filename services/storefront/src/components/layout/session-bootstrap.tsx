"use client";

import { useEffect } from "react";
import { cartStore, sessionStore, wishlistStore } from "@/lib/stores";

/**
 * Loads the visitor's own state once the shared HTML has hydrated: who they are, their cart count
 * (only when they already have a session, so browsing alone never creates one) and their wishlist.
 */
export function SessionBootstrap() {
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      await sessionStore.getState().load();
      if (cancelled) return;
      const { hasSession, user } = sessionStore.getState();
      // A marker for tests and tools: the page is hydrated and knows who is looking at it.
      document.documentElement.dataset.session = user ? "member" : "visitor";
      if (hasSession)
        void cartStore
          .getState()
          .refresh()
          .catch(() => undefined);
      if (user)
        void wishlistStore
          .getState()
          .load()
          .catch(() => undefined);
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
