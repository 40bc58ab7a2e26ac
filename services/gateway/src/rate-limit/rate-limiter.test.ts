/** Sliding-window arithmetic and the Redis script: limits, weights of the previous window, headers. */
import { createLogger } from "@shop/platform";
import { createTestRedis } from "@shop/test-kit";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRateLimiter, decide, leaseSize, type RateLimiter } from "./rate-limiter.js";

const config = { limit: 10, window: 60_000, by: "ip" as const };

describe("rate limiter", () => {
  it("weights the previous window by its remaining overlap", () => {
    // 30 s into the window: half of the previous window's 10 still counts (5) + 4 now = 9 used.
    const ok = decide("r", true, 4, 10, 30_000, config);
    assert.deepEqual(ok.headers.slice(0, 4), [
      "ratelimit-policy",
      '"r";q=10;w=60',
      "ratelimit",
      '"r";r=1;t=30',
    ]);
    const refused = decide("r", false, 5, 10, 30_000, config);
    // Room again once the previous window's weight drops below 5: at 36 s (6 s from now).
    assert.equal(refused.retryAfterSec, 6);
    assert.deepEqual(refused.headers.slice(-2), ["retry-after", "6"]);
    // The current window alone is full: wait for the next window, then for its weight to slide out.
    assert.equal(decide("r", false, 10, 0, 50_000, config).retryAfterSec, 16);
  });

  it("counts in Redis and refuses past the limit per subject", async () => {
    const { redis, prefix, cleanup } = await createTestRedis("gateway-rl");
    try {
      const limiter = createRateLimiter(
        redis,
        prefix,
        createLogger("gateway", "silent"),
        () => true,
      );
      const small = { limit: 3, window: 60_000, by: "ip" as const };
      const results = [];
      for (let i = 0; i < 5; i++)
        results.push((await limiter.check("login", "ip:1.2.3.4", small))?.allowed);
      assert.deepEqual(results, [true, true, true, false, false]);
      assert.equal((await limiter.check("login", "ip:5.6.7.8", small))?.allowed, true);
      assert.equal(
        await createRateLimiter(
          redis,
          prefix,
          createLogger("gateway", "silent"),
          () => false,
        ).check("login", "ip:x", small),
        undefined,
      );
    } finally {
      await cleanup();
    }
  });

  it("leases budget to busy callers without ever exceeding the limit across processes", async () => {
    const { redis, prefix, cleanup } = await createTestRedis("gateway-rl");
    try {
      const logger = createLogger("gateway", "silent");
      const calls = { count: 0 };
      const counting = new Proxy(redis, {
        get(target, prop, receiver) {
          if (prop === "gatewayRateLimit") calls.count++;
          return Reflect.get(target, prop, receiver);
        },
      });
      // Two gateway processes sharing one Redis budget of 300 a minute (leases of 3).
      const a = createRateLimiter(counting, prefix, logger, () => true);
      const b = createRateLimiter(counting, prefix, logger, () => true);
      const limit = { limit: 300, window: 60_000, by: "caller" as const };
      assert.equal(leaseSize(300), 3);
      const allowedBy = async (limiter: RateLimiter) => {
        let allowed = 0;
        for (let i = 0; i < 250; i++)
          if ((await limiter.check("api", "member:m1", limit))?.allowed) allowed++;
        return allowed;
      };
      const total = (await allowedBy(a)) + (await allowedBy(b));
      assert.ok(total <= 300 && total >= 296, `allowed ${total}`);
      assert.ok(calls.count < 120, `${calls.count} Redis calls for 500 requests`);
      assert.equal(leaseSize(30), 1);
      assert.equal(leaseSize(1e9), 1000);
    } finally {
      await cleanup();
    }
  });
});
