/** A RedisConnection on the test DB under a random prefix, for tier and lock tests. */
import { createLogger } from "@shop/platform";
import { testPrefix, testRedisUrl } from "@shop/test-kit";
import { RedisConnection } from "../redis.js";
import { cleanupPrefix } from "./servers.js";

export async function testConnection(
  name = "edge",
): Promise<{ redis: RedisConnection; cleanup(): Promise<void> }> {
  const prefix = testPrefix(name);
  const redis = new RedisConnection({
    url: testRedisUrl,
    prefix,
    logger: createLogger("edge-proxy", "silent"),
  });
  redis.start();
  if (!(await redis.ready(3_000))) throw new Error("test Redis is not reachable");
  return {
    redis,
    async cleanup() {
      redis.close();
      await cleanupPrefix(prefix);
    },
  };
}
