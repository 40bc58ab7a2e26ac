/**
 * Sessions: start one (login, registration, guest), answer it with a token pair, end one or all
 * of a member's. Refresh with rotation lives in refresh.ts.
 */
import type { AuthUser, TokenResponse } from "@shop/contracts";
import type { Role } from "@shop/platform";
import { publishRevocation } from "@shop/platform/redis";
import type { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import type { AccessTokens } from "../tokens/access-tokens.js";
import { hashToken, newRefreshToken } from "./refresh-tokens.js";
import type { Session, SessionStore } from "./sessions.store.js";

export interface Lifetimes {
  memberIdleSec: number;
  memberMaxSec: number;
  guestIdleSec: number;
  guestMaxSec: number;
  /** Two tabs refreshing with the same token within this window both get the same successor. */
  graceSec: number;
}

export interface Subject {
  sub: string;
  role: Role;
  kind: "member" | "guest";
  name: string;
  email: string;
}

/** Idle window, absolute lifetime and the TTL left for a session, in milliseconds. */
export function lifetimeRules(lifetimes: Lifetimes) {
  const idleMs = (kind: Session["kind"]) =>
    1000 * (kind === "member" ? lifetimes.memberIdleSec : lifetimes.guestIdleSec);
  const maxMs = (kind: Session["kind"]) =>
    1000 * (kind === "member" ? lifetimes.memberMaxSec : lifetimes.guestMaxSec);
  const ttlOf = (session: Session) =>
    Math.max(0, Math.min(idleMs(session.kind), session.absoluteExpiresAt - Date.now()));
  return { idleMs, maxMs, ttlOf };
}

export function createSessionService(deps: {
  store: SessionStore;
  tokens: AccessTokens;
  redis: Redis;
  redisPrefix: string;
  lifetimes: Lifetimes;
}) {
  const { store, tokens } = deps;
  const rules = lifetimeRules(deps.lifetimes);

  /** The token answer for a session: a fresh access token plus the given refresh token. */
  async function answer(
    session: Session,
    refreshToken: string,
    ttlMs: number,
  ): Promise<TokenResponse> {
    const isMember = session.kind === "member" && session.role !== "guest";
    const user: AuthUser | null = isMember
      ? {
          id: session.sub,
          email: session.email,
          name: session.name,
          role: session.role as AuthUser["role"],
        }
      : null;
    const claims = {
      sub: session.sub,
      role: session.role,
      sid: session.sid,
      name: isMember ? session.name : undefined,
    };
    return {
      accessToken: await tokens.issue(claims),
      refreshToken,
      tokenType: "Bearer",
      expiresIn: tokens.ttlSec,
      refreshExpiresIn: Math.floor(ttlMs / 1000),
      user,
    };
  }

  /** Ends a session everywhere: deleted in Redis, and its access tokens revoked within a second. */
  async function end(sid: string, sub?: string): Promise<boolean> {
    const existed = await store.remove(sid, sub);
    // A session that no longer exists has issued no access token for at least its idle window.
    if (existed) {
      const keepUntilMs = Date.now() + (tokens.ttlSec + 60) * 1000;
      await publishRevocation(deps.redis, { kind: "sid", id: sid }, keepUntilMs, deps.redisPrefix);
    }
    return existed;
  }

  return {
    answer,
    end,
    rules,

    async start(subject: Subject, client: string): Promise<TokenResponse> {
      const now = Date.now();
      const absoluteExpiresAt = now + rules.maxMs(subject.kind);
      const session: Session = {
        ...subject,
        sid: randomUUID(),
        client,
        createdAt: now,
        absoluteExpiresAt,
      };
      const refreshToken = newRefreshToken();
      const ttlMs = rules.idleMs(subject.kind);
      await store.create(session, hashToken(refreshToken), ttlMs, rules.maxMs("member"));
      return answer(session, refreshToken, ttlMs);
    },

    /** The session a refresh token belongs to (rotated or not), if it still exists. */
    async sessionOfRefreshToken(presented: string): Promise<Session | undefined> {
      const record = await store.token(hashToken(presented));
      return record ? store.session(record.sid) : undefined;
    },

    session: (sid: string) => store.session(sid),

    /** Ends every session of a member, except `keepSid`; answers how many ended. */
    /** Every access token of `sub` issued up to now stops working (verifiers hold the list). */
    async revokeTokensOf(sub: string): Promise<void> {
      const keepUntilMs = Date.now() + (tokens.ttlSec + 60) * 1000;
      const at = Math.floor(Date.now() / 1000);
      await publishRevocation(
        deps.redis,
        { kind: "sub", id: sub, at },
        keepUntilMs,
        deps.redisPrefix,
      );
    },

    async endAllOf(sub: string, keepSid?: string): Promise<number> {
      let ended = 0;
      for (const sid of await store.sessionsOf(sub)) {
        if (sid !== keepSid && (await end(sid, sub))) ended += 1;
      }
      return ended;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
