/**
 * Who the visitor is, on the client: loaded once after hydration from `/session` (catalogue HTML
 * is the same for everyone, so login state is filled in here, never rendered by the server).
 */
import { createStore } from "zustand/vanilla";
import type { Role } from "../api/auth";

export interface SessionUser {
  id: string;
  name: string | null;
  role: Role;
}

export interface SessionSnapshot {
  user: SessionUser | null;
  /** The browser holds a session cookie (guest or member), so per-visitor data can be read. */
  hasSession: boolean;
}

export interface SessionState extends SessionSnapshot {
  status: "unknown" | "loading" | "ready";
  load(): Promise<void>;
  set(snapshot: SessionSnapshot): void;
}

export function toSessionSnapshot(value: unknown): SessionSnapshot {
  const w = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const u = w.user && typeof w.user === "object" ? (w.user as Record<string, unknown>) : null;
  const role = u?.role === "admin" || u?.role === "customer" ? u.role : null;
  return {
    user:
      u && role && typeof u.id === "string"
        ? { id: u.id, name: typeof u.name === "string" ? u.name : null, role }
        : null,
    hasSession: w.hasSession === true,
  };
}

export function createSessionStore(fetchSession: () => Promise<SessionSnapshot>) {
  let pending: Promise<void> | null = null;
  return createStore<SessionState>()((set) => ({
    status: "unknown",
    user: null,
    hasSession: false,
    /** Reads /session; callers during a read share it (and all resolve once it is known). */
    load() {
      pending ??= (async () => {
        set({ status: "loading" });
        try {
          set({ ...(await fetchSession()), status: "ready" });
        } catch {
          set({ user: null, hasSession: false, status: "ready" });
        } finally {
          pending = null;
        }
      })();
      return pending;
    },
    set(snapshot) {
      set({ ...snapshot, status: "ready" });
    },
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
