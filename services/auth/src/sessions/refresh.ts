/**
 * Refresh with rotation. A refresh token works once; presenting it again revokes the whole
 * session (the token family), except within the grace window while its successor is still unused:
 * then the same old token gets the same successor (two tabs refreshing together).
 */
import type { TokenResponse } from "@shop/contracts";
import { AppError } from "@shop/platform";
import type { MemberClient } from "../clients/member.client.js";
import { hashToken, newRefreshToken, openSuccessor, sealSuccessor } from "./refresh-tokens.js";
import type { SessionService } from "./sessions.service.js";
import type { Session, SessionStore, TokenRecord } from "./sessions.store.js";

const invalid = (detail = "Sign in again") => new AppError("AUTH_REFRESH_INVALID", detail);

export function createRefresher(deps: {
  store: SessionStore;
  sessions: SessionService;
  members: MemberClient;
  graceSec: number;
}) {
  const { store, sessions, members } = deps;

  async function replayOrRevoke(
    record: TokenRecord,
    session: Session,
    presented: string,
  ): Promise<TokenResponse> {
    const age = record.rotatedAt === undefined ? Infinity : Date.now() - record.rotatedAt;
    const successor =
      age <= deps.graceSec * 1000 && record.successor
        ? openSuccessor(record.successor, presented)
        : undefined;
    // Only while the successor itself is unused: a token replayed after the session moved on is theft.
    if (successor && (await store.token(hashToken(successor)))?.state === "active") {
      return sessions.answer(session, successor, sessions.rules.ttlOf(session));
    }
    await sessions.end(session.sid, session.sub);
    throw new AppError(
      "AUTH_REFRESH_REUSED",
      "This refresh token was already used; the session has been signed out everywhere",
    );
  }

  /** The member as the member service holds it now: a deleted or disabled member cannot refresh. */
  async function currentSubject(session: Session): Promise<Session> {
    if (session.kind !== "member") return session;
    const member = await members.find(session.sub);
    if (!member || member.status !== "active") {
      await sessions.end(session.sid, session.sub);
      if (member) throw new AppError("MEMBER_DISABLED", "This account is disabled");
      throw invalid("This account no longer exists");
    }
    return { ...session, role: member.role, name: member.name, email: member.email };
  }

  return async function refresh(presented: string): Promise<TokenResponse> {
    const oldHash = hashToken(presented);
    // Two passes at most: losing the rotation race to a concurrent refresh means answering as its twin.
    for (let attempt = 0; attempt < 2; attempt++) {
      const record = await store.token(oldHash);
      const session = record && (await store.session(record.sid));
      if (!record || !session) throw invalid();
      if (Date.now() >= session.absoluteExpiresAt) {
        await sessions.end(session.sid, session.sub);
        throw invalid("The session has reached its maximum age; sign in again");
      }
      if (record.state === "rotated") return replayOrRevoke(record, session, presented);

      const current = await currentSubject(session);
      const next = newRefreshToken();
      const ttlMs = sessions.rules.ttlOf(current);
      const sealedSuccessor = sealSuccessor(next, presented);
      const outcome = await store.rotate({
        oldHash,
        newHash: hashToken(next),
        session: current,
        sealedSuccessor,
        ttlMs,
      });
      if (outcome === "ok") return sessions.answer(current, next, ttlMs);
      if (outcome !== "rotated") throw invalid();
    }
    throw invalid();
  };
}

export type Refresh = ReturnType<typeof createRefresher>;
