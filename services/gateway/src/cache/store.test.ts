/** One suite for both cache stores (memory and Redis): get/set, expiry, tag purges, isolation. */
import { createTestRedis } from "@shop/test-kit";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sleep } from "../testing/harness.js";
import type { CachedEntry } from "./entry.js";
import { MemoryStore } from "./memory-store.js";
import { RedisStore } from "./redis-store.js";
import type { CacheStore } from "./store.js";

function entry(body: string, tags: string[]): CachedEntry {
  return {
    status: 200,
    headers: ["content-type", "application/json", "set-cookie-free", "yes"],
    body: Buffer.from(body),
    storedAt: Date.now(),
    ttlMs: 300_000,
    staleWhileRevalidateMs: 30_000,
    staleIfErrorMs: 60_000,
    tags,
  };
}

function storeSuite(
  name: string,
  makeStore: () => Promise<{ store: CacheStore; done: () => Promise<void> }>,
) {
  describe(`${name} cache store`, () => {
    let store: CacheStore;
    let done: () => Promise<void>;
    before(async () => ({ store, done } = await makeStore()));
    after(() => done());

    it("returns what was stored, bytes and headers intact", async () => {
      const bytes = Buffer.from([0, 1, 2, 255, 254]);
      await store.set("cache:GET:/a", { ...entry("", ["first"]), body: bytes }, 10_000);
      const got = await store.get("cache:GET:/a");
      assert.ok(got);
      assert.deepEqual([...got.body], [...bytes]);
      assert.deepEqual(got.headers, ["content-type", "application/json", "set-cookie-free", "yes"]);
      assert.equal(got.ttlMs, 300_000);
      assert.deepEqual(got.tags, ["first"]);
      assert.equal(await store.get("cache:GET:/missing"), undefined);
    });

    it("forgets an entry after its retention", async () => {
      await store.set("cache:GET:/short", entry("short", ["x"]), 50);
      assert.ok(await store.get("cache:GET:/short"));
      await sleep(120);
      assert.equal(await store.get("cache:GET:/short"), undefined);
    });

    it("purges exactly the entries carrying a tag", async () => {
      await store.set(
        "cache:GET:/api/products/p1",
        entry("p1", ["product-page", "product-page|idOrSlug=p1"]),
        10_000,
      );
      await store.set(
        "cache:GET:/api/products/p2",
        entry("p2", ["product-page", "product-page|idOrSlug=p2"]),
        10_000,
      );
      await store.set("cache:GET:/api/home", entry("home", ["home"]), 10_000);
      assert.equal(await store.purgeTags(["product-page|idOrSlug=p1"]), 1);
      assert.equal(await store.get("cache:GET:/api/products/p1"), undefined);
      assert.ok(await store.get("cache:GET:/api/products/p2"));
      assert.equal(await store.purgeTags(["product-page", "home"]), 2);
      assert.equal(await store.get("cache:GET:/api/products/p2"), undefined);
      assert.equal(await store.get("cache:GET:/api/home"), undefined);
      assert.equal(await store.purgeTags(["nothing"]), 0);
    });

    it("replaces an entry stored again and deletes on request", async () => {
      await store.set("cache:GET:/b", entry("one", ["b"]), 10_000);
      await store.set("cache:GET:/b", entry("two", ["b"]), 10_000);
      assert.equal((await store.get("cache:GET:/b"))?.body.toString(), "two");
      await store.delete("cache:GET:/b");
      assert.equal(await store.get("cache:GET:/b"), undefined);
    });
  });
}

storeSuite("memory", async () => ({
  store: new MemoryStore(100, 1024 * 1024),
  done: async () => undefined,
}));

storeSuite("redis", async () => {
  const { redis, prefix, cleanup } = await createTestRedis("gateway-store");
  return { store: new RedisStore(redis, prefix), done: cleanup };
});

describe("memory cache store bounds", () => {
  it("evicts the least recently used entries past its entry and byte budgets", () => {
    const store = new MemoryStore(2, 10_000);
    store.put("a", entry("a", []), 10_000);
    store.put("b", entry("b", []), 10_000);
    store.peek("a");
    store.put("c", entry("c", []), 10_000);
    assert.ok(store.peek("a"));
    assert.equal(store.peek("b"), undefined);
    const small = new MemoryStore(100, 1_000);
    small.put("big", entry("x".repeat(2_000), []), 10_000);
    assert.equal(small.size, 0);
    small.put("one", entry("x".repeat(500), []), 10_000);
    small.put("two", entry("x".repeat(500), []), 10_000);
    assert.equal(small.size, 1);
    assert.ok(small.totalBytes <= 1_000);
  });
});
