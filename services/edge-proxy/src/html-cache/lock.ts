/**
 * The render lock across proxy processes: `SET key token NX PX ttl`, released only by its holder
 * (compare-and-delete in Lua), so a lock that expired and was taken by another process is never
 * deleted by the first.
 */
import type { RedisConnection } from "../redis.js";

const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface HeldLock {
  release(): Promise<boolean>;
}

export class RenderLock {
  constructor(
    private readonly redis: RedisConnection,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lock for `key`, or resolves undefined when another process holds it. Throws when Redis is unavailable. */
  async acquire(key: string): Promise<HeldLock | undefined> {
    const lockKey = `${this.redis.prefix}html_lock:${key}`;
    const token = crypto.randomUUID();
    const ok = await this.redis.run((client) =>
      client.send("SET", [lockKey, token, "NX", "PX", String(this.ttlMs)]),
    );
    if (ok !== "OK") return undefined;
    return {
      release: async () => {
        try {
          const deleted = await this.redis.run((client) =>
            client.send("EVAL", [RELEASE_SCRIPT, "1", lockKey, token]),
          );
          return deleted === 1;
        } catch {
          return false; // it expires on its own
        }
      },
    };
  }
}
