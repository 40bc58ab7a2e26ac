/**
 * Lazy guest sessions: issued only when an API call needs an identity and the visitor has no
 * session, rate-limited per client IP (fixed window in Redis; a per-process window while Redis is
 * away) so a client that drops cookies cannot mint sessions without bound.
 */
import type { AuthClient, TokenOutcome } from "../clients/auth.client.js";
import type { RedisConnection } from "../redis.js";

export type GuestOutcome = TokenOutcome | { kind: "limited"; retryAfterSeconds: number };

export interface GuestIssuerOptions {
  limit: number;
  windowSeconds: number;
}

export class GuestIssuer {
  private readonly local = new Map<string, number>();
  private localWindow = -1;

  constructor(
    private readonly auth: AuthClient,
    private readonly redis: RedisConnection,
    private readonly options: GuestIssuerOptions,
  ) {}

  async issue(ip: string, requestId: string): Promise<GuestOutcome> {
    const windowMs = this.options.windowSeconds * 1000;
    const window = Math.floor(Date.now() / windowMs);
    const count = await this.count(ip, window, windowMs);
    if (count > this.options.limit) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil(((window + 1) * windowMs - Date.now()) / 1000),
      );
      return { kind: "limited", retryAfterSeconds };
    }
    return this.auth.guest({ requestId, ip });
  }

  private async count(ip: string, window: number, windowMs: number): Promise<number> {
    const key = `${this.redis.prefix}edge:guest_rate:${ip}:${window}`;
    try {
      const count = await this.redis.run((client) => client.incr(key));
      if (count === 1) await this.redis.run((client) => client.pexpire(key, windowMs));
      return count;
    } catch {
      if (window !== this.localWindow) {
        this.local.clear();
        this.localWindow = window;
      }
      const count = (this.local.get(ip) ?? 0) + 1;
      this.local.set(ip, count);
      return count;
    }
  }
}
