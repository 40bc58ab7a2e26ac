/**
 * Refreshing an expired session before a per-user page renders (the edge proxy does the same for
 * `/api/*`). Concurrent requests carrying the same refresh token share one refresh call, because
 * auth rotates the token and treats a second use as theft.
 */
import { refresh, type TokenSet } from "./api/auth";
import { ApiError, type Transport } from "./api/http";

const inFlight = new Map<string, { promise: Promise<RefreshOutcome>; at: number }>();
const SHARE_MS = 10_000;

export type RefreshOutcome =
  | { kind: "refreshed"; tokens: TokenSet }
  /** The refresh token is no longer valid: the session is over, clear the cookies. */
  | { kind: "ended" }
  /** Auth unreachable or failing: leave the cookies alone and try again next request. */
  | { kind: "unavailable" };

export function refreshSession(
  auth: Transport,
  refreshToken: string,
  now = Date.now(),
): Promise<RefreshOutcome> {
  for (const [token, entry] of inFlight) if (now - entry.at > SHARE_MS) inFlight.delete(token);
  const existing = inFlight.get(refreshToken);
  if (existing) return existing.promise;
  const promise = refresh(auth, refreshToken).then(
    (tokens): RefreshOutcome => ({ kind: "refreshed", tokens }),
    (error: unknown): RefreshOutcome =>
      error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429
        ? { kind: "ended" }
        : { kind: "unavailable" },
  );
  inFlight.set(refreshToken, { promise, at: now });
  return promise;
}
