/** Redis for tests: DB 15 of the local server and a random key prefix per test file. */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/** Redis for tests (`TEST_REDIS_URL`, default DB 15 of the local server). */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/15";

/** A random Redis key prefix like `test:ab12cd34:`, for isolating one test file's keys. */
export function testPrefix(name = "test"): string {
  return `${name}:${randomBytes(4).toString("hex")}:`;
}

/**
 * A Redis client for tests plus a cleanup that deletes every key under `prefix`.
 *
 * @example
 * const { redis, prefix, cleanup } = await createTestRedis("gateway");
 */
export async function createTestRedis(name = "test") {
  const prefix = testPrefix(name);
  const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  return {
    redis,
    prefix,
    url: testRedisUrl,
    async cleanup() {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== "0");
      redis.disconnect();
    },
  };
}
