/**
 * Ends a member's sessions everywhere: a `sub` revocation kills every access token already issued
 * (verifiers hold the list in memory), and auth's internal route deletes the refresh sessions.
 */
import { createServiceClient, type Logger } from "@shop/platform";
import { publishRevocation } from "@shop/platform/redis";
import type { Redis } from "ioredis";

export interface SessionRevoker {
  /**
   * Every access token of `sub` issued so far stops working. With `endSessions` (deleted or
   * disabled member) their sessions end too; without it (role change) the next refresh carries
   * the new role.
   */
  revokeSubject(sub: string, options: { endSessions: boolean }): Promise<void>;
  /** Every session of `sub` except `keepSid` ends (password change). */
  revokeOtherSessions(sub: string, keepSid: string): Promise<void>;
  close(): Promise<void>;
}

export function createSessionRevoker(options: {
  authUrl: string;
  internalKey: string;
  redis: Redis;
  redisPrefix: string;
  tokenMaxAgeSec: number;
  logger: Logger;
}): SessionRevoker {
  const auth = createServiceClient({
    name: "auth",
    baseUrl: options.authUrl,
    timeoutMs: 2_000,
    headers: { "x-internal-key": options.internalKey },
  });

  // The member change is already committed; auth being down must not turn it into an error.
  // Access tokens are cut by the revocation list anyway, and auth re-checks the member at refresh.
  async function endSessions(sub: string, keepSid?: string): Promise<void> {
    try {
      await auth.post("/internal/sessions/revoke", {
        sub,
        ...(keepSid ? { exceptSid: keepSid } : {}),
      });
    } catch (error) {
      options.logger.warn({ err: error, sub }, "could not ask auth to end the member's sessions");
    }
  }

  return {
    async revokeSubject(sub, { endSessions: endAll }) {
      const keepUntilMs = Date.now() + (options.tokenMaxAgeSec + 60) * 1000;
      const at = Math.floor(Date.now() / 1000);
      await publishRevocation(
        options.redis,
        { kind: "sub", id: sub, at },
        keepUntilMs,
        options.redisPrefix,
      );
      if (endAll) await endSessions(sub);
    },
    revokeOtherSessions: (sub, keepSid) => endSessions(sub, keepSid),
    close: () => auth.close(),
  };
}
