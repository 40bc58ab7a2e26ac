/**
 * The shared cache tier in Redis. Entries are binary values (`entry.ts`) under
 * `${prefix}cache:GET:<path>?<params>`; each tag is a set of entry keys so a purge deletes exactly
 * the entries it names (no SCAN over the keyspace).
 */
import type { Redis } from "ioredis";
import { decodeEntry, encodeEntry, type CachedEntry } from "./entry.js";
import type { CacheStore } from "./store.js";

const STORE = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
local keep = tonumber(ARGV[2])
for i = 2, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[1])
  if redis.call('PTTL', KEYS[i]) < keep then redis.call('PEXPIRE', KEYS[i], keep) end
end
return 1`;

const PURGE = `
local removed = 0
for i = 1, #KEYS do
  for _, key in ipairs(redis.call('SMEMBERS', KEYS[i])) do removed = removed + redis.call('DEL', key) end
  redis.call('DEL', KEYS[i])
end
return removed`;

interface ScriptedRedis extends Redis {
  gatewayCacheStore(numKeys: number, ...args: (string | Buffer | number)[]): Promise<number>;
  gatewayCachePurge(numKeys: number, ...keys: string[]): Promise<number>;
}

export class RedisStore implements CacheStore {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly prefix = "",
  ) {
    if (!("gatewayCacheStore" in redis)) {
      redis.defineCommand("gatewayCacheStore", { lua: STORE });
      redis.defineCommand("gatewayCachePurge", { lua: PURGE });
    }
    this.redis = redis as ScriptedRedis;
  }

  private tagKey(tag: string): string {
    return `${this.prefix}cache-tag:${tag}`;
  }

  async get(key: string): Promise<CachedEntry | undefined> {
    const data = await this.redis.getBuffer(this.prefix + key);
    return data ? decodeEntry(data) : undefined;
  }

  async set(key: string, entry: CachedEntry, retainMs: number): Promise<void> {
    const tagKeys = entry.tags.map((tag) => this.tagKey(tag));
    await this.redis.gatewayCacheStore(
      1 + tagKeys.length,
      this.prefix + key,
      ...tagKeys,
      encodeEntry(entry),
      Math.max(1, retainMs),
    );
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async purgeTags(tags: string[]): Promise<number> {
    if (tags.length === 0) return 0;
    return this.redis.gatewayCachePurge(tags.length, ...tags.map((tag) => this.tagKey(tag)));
  }
}
