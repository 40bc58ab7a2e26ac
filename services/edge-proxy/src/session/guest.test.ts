import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createLogger } from "@shop/platform";
import { AuthClient } from "../clients/auth.client.js";
import { GuestIssuer } from "./guest.js";
import { RedisConnection } from "../redis.js";
import { startFakeAuth, type FakeAuth } from "../testing/auth.js";
import { testConnection } from "../testing/redis.js";

let auth: FakeAuth;
beforeAll(async () => {
  auth = await startFakeAuth();
});
afterAll(() => auth.stop());

describe("guest sessions", () => {
  test("are limited per IP within a window; other addresses are unaffected", async () => {
    const { redis, cleanup } = await testConnection("edge-guest");
    try {
      const issuer = new GuestIssuer(
        new AuthClient({ authUrl: auth.url, clientKey: "test-client-key" }),
        redis,
        { limit: 2, windowSeconds: 60 },
      );
      const kinds = [];
      for (let i = 0; i < 3; i++) kinds.push((await issuer.issue("198.51.100.1", "r")).kind);
      expect(kinds).toEqual(["issued", "issued", "limited"]);
      const limited = await issuer.issue("198.51.100.1", "r");
      expect(limited.kind === "limited" && limited.retryAfterSeconds).toBeGreaterThan(0);
      expect((await issuer.issue("198.51.100.2", "r")).kind).toBe("issued");
    } finally {
      await cleanup();
    }
  });

  test("with Redis down the limit still holds, per process", async () => {
    const redis = new RedisConnection({
      url: "redis://127.0.0.1:1/0",
      prefix: "x:",
      logger: createLogger("edge-proxy", "silent"),
    });
    const issuer = new GuestIssuer(
      new AuthClient({ authUrl: auth.url, clientKey: "test-client-key" }),
      redis,
      { limit: 1, windowSeconds: 60 },
    );
    expect((await issuer.issue("198.51.100.3", "r")).kind).toBe("issued");
    expect((await issuer.issue("198.51.100.3", "r")).kind).toBe("limited");
    redis.close();
  });
});
