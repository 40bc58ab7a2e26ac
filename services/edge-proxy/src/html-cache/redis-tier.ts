/**
 * The shared tier: pages in Redis as ready bytes under `${REDIS_PREFIX}html_cache:…`, living until
 * their last grace period ends, plus one set per purge tag (`html_tags:<tag>`) so a purge finds
 * every host and query variant of a path without scanning.
 */
import { CachedPage } from "./entry.js";
import type { PageStore } from "./store.js";
import type { RedisConnection } from "../redis.js";

/** Adds the page key to each tag set and extends the set's life to cover the page. */
const TAG_SCRIPT = `
for i, tag in ipairs(KEYS) do
  redis.call('SADD', tag, ARGV[1])
  if redis.call('PTTL', tag) < tonumber(ARGV[2]) then redis.call('PEXPIRE', tag, ARGV[2]) end
end
return #KEYS`;

/** Deletes every page listed in the tag sets, and the sets; returns the page keys. */
const PURGE_SCRIPT = `
local removed = {}
for _, tag in ipairs(KEYS) do
  for _, key in ipairs(redis.call('SMEMBERS', tag)) do
    if redis.call('DEL', key) == 1 then removed[#removed + 1] = key end
  end
  redis.call('DEL', tag)
end
return removed`;

export class RedisTier implements PageStore {
  readonly name = "redis" as const;

  constructor(private readonly redis: RedisConnection) {}

  get available(): boolean {
    return this.redis.available;
  }

  async get(key: string): Promise<CachedPage | undefined> {
    const bytes = await this.redis.run((client) => client.getBuffer(this.redis.prefix + key));
    if (!bytes) return undefined;
    const page = CachedPage.decode(bytes);
    return page && page.state() !== "expired" ? page : undefined;
  }

  async set(page: CachedPage): Promise<void> {
    const lifetime = Math.max(1, page.expiresAt - Date.now());
    const prefix = this.redis.prefix;
    await this.redis.run(async (client) => {
      await client.set(prefix + page.key, page.encode(), "PX", lifetime);
      const tagKeys = page.meta.tags.map((tag) => `${prefix}html_tags:${tag}`);
      await client.send("EVAL", [
        TAG_SCRIPT,
        String(tagKeys.length),
        ...tagKeys,
        prefix + page.key,
        String(lifetime),
      ]);
    }, 1_000);
  }

  async delete(key: string): Promise<void> {
    await this.redis.run((client) => client.del(this.redis.prefix + key));
  }

  async purgeTags(tags: readonly string[]): Promise<string[]> {
    const prefix = this.redis.prefix;
    const tagKeys = tags.map((tag) => `${prefix}html_tags:${tag}`);
    const removed = (await this.redis.run(
      (client) => client.send("EVAL", [PURGE_SCRIPT, String(tagKeys.length), ...tagKeys]),
      2_000,
    )) as string[] | null;
    return (removed ?? []).map((key) => key.slice(prefix.length));
  }
}
