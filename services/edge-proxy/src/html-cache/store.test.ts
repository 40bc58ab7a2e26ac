/** One suite, run against both tiers (memory per process, Redis shared). */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { CachedPage } from "./entry.js";
import { MemoryTier } from "./memory-tier.js";
import { RedisTier } from "./redis-tier.js";
import type { PageStore } from "./store.js";
import { testConnection } from "../testing/redis.js";

function page(
  key: string,
  tags: string[],
  options: { ttl?: number; storedAt?: number; body?: string } = {},
): CachedPage {
  return new CachedPage(
    {
      v: 1,
      key,
      status: 200,
      headers: [["content-type", "text/html"]],
      storedAt: options.storedAt ?? Date.now(),
      freshness: { ttl: options.ttl ?? 60, swr: 0, sie: 0 },
      tags: [...tags, "all"],
    },
    new TextEncoder().encode(options.body ?? `<p>${key}</p>`),
  );
}

function storeSuite(name: string, make: () => Promise<PageStore>) {
  describe(`${name} tier`, () => {
    let store: PageStore;
    beforeAll(async () => {
      store = await make();
    });

    test("keeps a page and gives back the same bytes and headers", async () => {
      await store.set(page("html_cache:h/a", ["page:/a"], { body: "<p>a</p>" }));
      const got = await store.get("html_cache:h/a");
      expect(new TextDecoder().decode(got!.body)).toBe("<p>a</p>");
      expect(got!.meta.headers).toEqual([["content-type", "text/html"]]);
    });

    test("a page past every grace period is not returned", async () => {
      await store.set(
        page("html_cache:h/old", ["page:/old"], { ttl: 1, storedAt: Date.now() - 1_500 }),
      );
      expect(await store.get("html_cache:h/old")).toBeUndefined();
    });

    test("delete removes one key", async () => {
      await store.set(page("html_cache:h/d", ["page:/d"]));
      await store.delete("html_cache:h/d");
      expect(await store.get("html_cache:h/d")).toBeUndefined();
    });

    test("purging a tag removes every host and query variant of that page and nothing else", async () => {
      await store.set(page("html_cache:a.example/categories?category=shoes", ["page:/categories"]));
      await store.set(page("html_cache:b.example/categories", ["page:/categories"]));
      await store.set(page("html_cache:a.example/products/tee", ["page:/products/tee"]));
      const removed = await store.purgeTags(["page:/categories"]);
      expect(removed.sort()).toEqual([
        "html_cache:a.example/categories?category=shoes",
        "html_cache:b.example/categories",
      ]);
      expect(await store.get("html_cache:b.example/categories")).toBeUndefined();
      expect(await store.get("html_cache:a.example/products/tee")).toBeDefined();
    });

    test("the all tag empties the tier", async () => {
      await store.set(page("html_cache:h/x", ["page:/x"]));
      await store.purgeTags(["all"]);
      expect(await store.get("html_cache:h/x")).toBeUndefined();
      expect(await store.get("html_cache:a.example/products/tee")).toBeUndefined();
    });
  });
}

let cleanup: (() => Promise<void>) | undefined;
afterAll(async () => cleanup?.());

storeSuite("memory", async () => new MemoryTier({ budgetBytes: 1024 * 1024 }));
storeSuite("redis", async () => {
  const connection = await testConnection("edge-store");
  cleanup = connection.cleanup;
  return new RedisTier(connection.redis);
});

describe("memory tier budget", () => {
  test("evicts the least recently used pages to stay within its byte budget", () => {
    const memory = new MemoryTier({ budgetBytes: 3 * (2000 + 512), maxEntryBytes: 5000 });
    const big = (key: string) => page(key, [], { body: "x".repeat(1000) });
    memory.put(big("a"));
    memory.put(big("b"));
    memory.put(big("c"));
    memory.peek("a"); // a is now the most recent
    memory.put(big("d"));
    expect(memory.peek("b")).toBeUndefined();
    expect(memory.peek("a")).toBeDefined();
    expect(memory.size.entries).toBe(3);
    expect(memory.size.bytes).toBeLessThanOrEqual(3 * 2512);
  });

  test("a page larger than the per-entry limit is not kept", () => {
    const memory = new MemoryTier({ budgetBytes: 100_000, maxEntryBytes: 1000 });
    memory.put(page("huge", [], { body: "x".repeat(2000) }));
    expect(memory.peek("huge")).toBeUndefined();
    expect(memory.size.bytes).toBe(0);
  });

  test("a gzip copy made later is accounted for", () => {
    const memory = new MemoryTier({ budgetBytes: 100_000 });
    const p = page("g", [], { body: "y".repeat(3000) });
    memory.put(p);
    const before = memory.size.bytes;
    p.gzip();
    memory.grew(p);
    expect(memory.size.bytes).toBeGreaterThan(before);
    memory.drop("g");
    expect(memory.size.bytes).toBe(0);
  });
});
