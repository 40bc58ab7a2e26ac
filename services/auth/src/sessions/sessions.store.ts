/**
 * Sessions in Redis. `sess:<sid>` holds who the session is for and its absolute end; it expires
 * after the idle window unless refreshed. `rt:<sha256>` maps a refresh token to its session and
 * records whether it was rotated (and when, with the sealed successor, for the grace window).
 * `subject:<sub>` lists a member's session ids so all of them can be ended at once.
 */
import type { Role } from "@shop/platform";
import type { Redis } from "ioredis";

export interface Session {
  sid: string;
  sub: string;
  role: Role;
  kind: "member" | "guest";
  name: string;
  email: string;
  client: string;
  createdAt: number;
  /** Epoch ms after which the session cannot be refreshed, whatever its activity. */
  absoluteExpiresAt: number;
}

export interface TokenRecord {
  sid: string;
  state: "active" | "rotated";
  rotatedAt?: number;
  successor?: string;
}

export type RotateOutcome = "ok" | "rotated" | "unknown" | "gone";

// Atomic compare-and-rotate: only one of two concurrent refreshes with the same token wins.
const ROTATE = `
if redis.call('EXISTS', KEYS[2]) == 0 then return 'gone' end
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if state ~= 'active' then return 'rotated' end
redis.call('HSET', KEYS[1], 'state', 'rotated', 'rotatedAt', ARGV[1], 'successor', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('HSET', KEYS[3], 'sid', ARGV[3], 'state', 'active')
redis.call('PEXPIRE', KEYS[3], ARGV[4])
redis.call('HSET', KEYS[2], 'role', ARGV[5], 'name', ARGV[6], 'email', ARGV[7], 'lastUsedAt', ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return 'ok'
`;

function toSession(raw: Record<string, string>): Session | undefined {
  if (!raw.sid) return undefined;
  return {
    sid: raw.sid,
    sub: raw.sub ?? "",
    role: (raw.role ?? "guest") as Role,
    kind: raw.kind === "member" ? "member" : "guest",
    name: raw.name ?? "",
    email: raw.email ?? "",
    client: raw.client ?? "",
    createdAt: Number(raw.createdAt),
    absoluteExpiresAt: Number(raw.absoluteExpiresAt),
  };
}

export function createSessionStore(redis: Redis, redisPrefix: string) {
  const prefix = `${redisPrefix}auth:`;
  const sessionKey = (sid: string) => `${prefix}sess:${sid}`;
  const tokenKey = (hash: string) => `${prefix}rt:${hash}`;
  const subjectKey = (sub: string) => `${prefix}subject:${sub}`;

  return {
    async create(
      session: Session,
      tokenHash: string,
      ttlMs: number,
      subjectTtlMs: number,
    ): Promise<void> {
      const fields = {
        ...session,
        createdAt: String(session.createdAt),
        absoluteExpiresAt: String(session.absoluteExpiresAt),
      };
      await redis
        .multi()
        .hset(sessionKey(session.sid), fields)
        .pexpire(sessionKey(session.sid), ttlMs)
        .hset(tokenKey(tokenHash), { sid: session.sid, state: "active" })
        .pexpire(tokenKey(tokenHash), ttlMs)
        .sadd(subjectKey(session.sub), session.sid)
        .pexpire(subjectKey(session.sub), subjectTtlMs)
        .exec();
    },

    async session(sid: string): Promise<Session | undefined> {
      return toSession(await redis.hgetall(sessionKey(sid)));
    },

    async token(hash: string): Promise<TokenRecord | undefined> {
      const raw = await redis.hgetall(tokenKey(hash));
      if (!raw.sid) return undefined;
      return {
        sid: raw.sid,
        state: raw.state === "active" ? "active" : "rotated",
        ...(raw.rotatedAt ? { rotatedAt: Number(raw.rotatedAt) } : {}),
        ...(raw.successor ? { successor: raw.successor } : {}),
      };
    },

    async rotate(input: {
      oldHash: string;
      newHash: string;
      session: Pick<Session, "sid" | "role" | "name" | "email">;
      sealedSuccessor: string;
      ttlMs: number;
    }): Promise<RotateOutcome> {
      const keys = [
        tokenKey(input.oldHash),
        sessionKey(input.session.sid),
        tokenKey(input.newHash),
      ];
      const args = [
        Date.now(),
        input.sealedSuccessor,
        input.session.sid,
        input.ttlMs,
        input.session.role,
        input.session.name,
        input.session.email,
      ];
      return (await redis.eval(ROTATE, keys.length, ...keys, ...args)) as RotateOutcome;
    },

    /** Deletes a session; answers whether it existed. Its refresh tokens become useless with it. */
    async remove(sid: string, sub?: string): Promise<boolean> {
      const multi = redis.multi().del(sessionKey(sid));
      if (sub) multi.srem(subjectKey(sub), sid);
      const results = await multi.exec();
      return Number(results?.[0]?.[1] ?? 0) > 0;
    },

    async sessionsOf(sub: string): Promise<string[]> {
      return redis.smembers(subjectKey(sub));
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
