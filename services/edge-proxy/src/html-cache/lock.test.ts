import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { RenderLock } from "./lock.js";
import type { RedisConnection } from "../redis.js";
import { testConnection } from "../testing/redis.js";

describe("render lock", () => {
  let redis: RedisConnection;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ redis, cleanup } = await testConnection("edge-lock"));
  });
  afterAll(async () => cleanup());

  test("only one holder at a time; released, it can be taken again", async () => {
    const lock = new RenderLock(redis, 5_000);
    const first = await lock.acquire("html_cache:h/");
    expect(first).toBeDefined();
    expect(await lock.acquire("html_cache:h/")).toBeUndefined();
    expect(await first!.release()).toBe(true);
    const again = await lock.acquire("html_cache:h/");
    expect(again).toBeDefined();
    await again!.release();
  });

  test("a holder whose lock expired cannot delete the next holder's lock", async () => {
    const lock = new RenderLock(redis, 100);
    const stale = await lock.acquire("html_cache:h/p");
    await Bun.sleep(150);
    const current = await lock.acquire("html_cache:h/p");
    expect(current).toBeDefined();
    expect(await stale!.release()).toBe(false);
    expect(await lock.acquire("html_cache:h/p")).toBeUndefined();
    expect(await current!.release()).toBe(true);
  });

  test("many contenders, exactly one winner", async () => {
    const lock = new RenderLock(redis, 5_000);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => lock.acquire("html_cache:h/race")),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
