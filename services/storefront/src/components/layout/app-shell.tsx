import type { ReactNode } from "react";
import { BottomNav } from "./bottom-nav";
import { SessionBootstrap } from "./session-bootstrap";

/** The mobile-first column (max 480 px, centred on wide screens) with the bottom navigation. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-[480px] flex-col bg-white shadow-[0_0_0_1px_rgba(15,23,42,0.04)]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        본문으로 건너뛰기
      </a>
      <main id="main" className="flex-1 pb-24">
        {children}
      </main>
      <BottomNav />
      <SessionBootstrap />
    </div>
  );
}
