/** Issue 5 benchmark item 3 as a test: 1000 concurrent requests for an expired page → one render. */
import { afterEach, describe, expect, test } from "bun:test";
import { RedisClient } from "bun";
import { testRedisUrl } from "@shop/test-kit";
import { burst, type BurstAnswer } from "../testing/burst.js";
import {
  cleanupPrefix,
  edgeWithStorefront,
  htmlPage,
  startEdge,
  tracker,
} from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());

/** The first render expires after `firstMaxAge` seconds (no stale window); later renders stay fresh for the test. */
function slowPage(version: { n: number }, firstMaxAge = 1) {
  return async () => {
    version.n += 1;
    const n = version.n;
    await Bun.sleep(150); // a render long enough for every request to arrive while it runs
    const maxAge = n === 1 ? firstMaxAge : 60;
    return htmlPage(`render ${n}`, {
      "surrogate-control": `max-age=${maxAge}, stale-while-revalidate=0, stale-if-error=0`,
    });
  };
}

function answered(results: Awaited<ReturnType<typeof burst>>): BurstAnswer[] {
  const failed = results.filter((r) => "error" in r);
  expect(failed).toEqual([]);
  return results as BurstAnswer[];
}

describe("single flight", () => {
  test("1000 concurrent requests for an expired page: the storefront renders it exactly once", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, slowPage({ n: 0 }));
    await fetch(`${edge.url}/`);
    await Bun.sleep(1_100); // the page is now expired (no stale window)
    const before = storefront.seen.length;

    const answers = answered(await burst({ urls: [`${edge.url}/`], count: 1000 }));

    expect(storefront.seen.length - before).toBe(1);
    expect(answers.every((a) => a.status === 200 && a.body.includes("render 2"))).toBe(true);
    const statuses = answers.map((a) => a.cacheStatus ?? "");
    expect(statuses.filter((s) => s.includes("stored"))).toHaveLength(1);
    expect(
      statuses.filter((s) => s.includes("collapsed") || s.startsWith("edge-proxy; hit")).length,
    ).toBe(999);
  }, 20_000);

  test("across proxy processes the Redis lock makes one render; the other process waits for the stored page", async () => {
    const { edge: a, storefront } = await edgeWithStorefront(track, slowPage({ n: 0 }, 60));
    const b = await startEdge({ storefront: storefront.url, prefix: a.prefix });
    track.add(async () => {
      await b.stop();
      await cleanupPrefix(a.prefix);
    });

    // Both processes serve the same public host (behind one load balancer).
    const path = "/categories?category=shoes";
    const answers = answered(
      await burst({
        urls: [`${a.url}${path}`, `${b.url}${path}`],
        count: 400,
        headers: { host: "shop.test" },
      }),
    );

    expect(storefront.seen.length).toBe(1);
    expect(answers.every((x) => x.status === 200 && x.body.includes("render 1"))).toBe(true);
    expect(answers.some((x) => x.cacheStatus?.includes("detail=lock-wait"))).toBe(true);
  }, 20_000);

  test("when the lock holder never stores, waiters fall through to the storefront after the wait limit", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, slowPage({ n: 0 }), {
      env: { HTML_CACHE_LOCK_WAIT_MS: "300" },
    });
    // Another process took the lock and died without releasing it.
    const redis = new RedisClient(testRedisUrl);
    const key = `html_cache:127.0.0.1:${new URL(edge.url).port}/`;
    await redis.send("SET", [`${edge.prefix}html_lock:${key}`, "dead-holder", "PX", "10000"]);
    const started = Date.now();
    const answer = await fetch(`${edge.url}/`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("render 1");
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(storefront.seen.length).toBe(1);
    redis.close();
  });
});
