/**
 * The member service's calls to auth, which alone writes revocations: when a member is deleted,
 * disabled or changes role, every access token issued so far is cut and the sessions end; when
 * the password changes, every other session ends.
 */
import { RevokeSessionsRequest, RevokeSessionsResult } from "@shop/contracts";
import { createServiceClient, type Logger } from "@shop/platform";

export interface SessionRevoker {
  /** Every access token of `sub` issued so far stops working; with `endSessions` the sessions end too. */
  revokeSubject(sub: string, options: { endSessions: boolean }): Promise<void>;
  /** Every session of `sub` except `keepSid` ends (password change). */
  revokeOtherSessions(sub: string, keepSid: string): Promise<void>;
  close(): Promise<void>;
}

/** Retries of a revocation auth could not take: the member change is already committed. */
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];

export function createSessionRevoker(options: {
  authUrl: string;
  internalKey: string;
  logger: Logger;
}): SessionRevoker {
  const auth = createServiceClient({
    name: "auth",
    baseUrl: options.authUrl,
    timeoutMs: 2_000,
    headers: { "x-internal-key": options.internalKey },
  });
  const timers = new Set<NodeJS.Timeout>();

  async function send(request: RevokeSessionsRequest): Promise<boolean> {
    try {
      RevokeSessionsResult.parse(
        await auth.post("/internal/sessions/revoke", RevokeSessionsRequest.parse(request)),
      );
      return true;
    } catch (error) {
      options.logger.warn({ err: error, sub: request.sub }, "auth did not take the revocation");
      return false;
    }
  }

  // The caller's answer waits for the first attempt (so a revoked token stops within a second);
  // auth being down must not turn the committed change into an error, so later attempts run behind.
  async function revoke(request: RevokeSessionsRequest, attempt = 0): Promise<void> {
    if (await send(request)) return;
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) {
      options.logger.error({ sub: request.sub }, "revocation given up after retries");
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      void revoke(request, attempt + 1);
    }, delay);
    timer.unref();
    timers.add(timer);
  }

  return {
    revokeSubject: (sub, { endSessions }) => revoke({ sub, revokeTokens: true, endSessions }),
    revokeOtherSessions: (sub, keepSid) => revoke({ sub, exceptSid: keepSid }),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      await auth.close();
    },
  };
}
