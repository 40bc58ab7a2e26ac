/** Stale-while-revalidate and stale-if-error, with the storefront answering 5xx or stopped. */
import { afterEach, describe, expect, test } from "bun:test";
import {
  cleanupPrefix,
  edgeWithStorefront,
  htmlPage,
  startEdge,
  startServer,
  tracker,
} from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());

describe("stale pages", () => {
  test("stale-while-revalidate: the stale page is served at once and refreshed once in the background", async () => {
    let n = 0;
    const { edge, storefront } = await edgeWithStorefront(track, async () => {
      n += 1;
      const version = n;
      await Bun.sleep(50);
      return htmlPage(`version ${version}`, {
        "surrogate-control": "max-age=1, stale-while-revalidate=30",
      });
    });
    await fetch(`${edge.url}/`);
    await Bun.sleep(1_100);

    const stale = await Promise.all(Array.from({ length: 20 }, () => fetch(`${edge.url}/`)));
    for (const answer of stale) {
      expect(answer.headers.get("x-cache")).toBe("STALE");
      expect(answer.headers.get("cache-status")).toContain("detail=stale-while-revalidate");
      expect(Number(answer.headers.get("age"))).toBeGreaterThanOrEqual(1);
      expect(await answer.text()).toContain("version 1");
    }
    await Bun.sleep(150); // the background refresh lands
    const fresh = await fetch(`${edge.url}/`);
    expect(fresh.headers.get("x-cache")).toBe("HIT");
    expect(await fresh.text()).toContain("version 2");
    expect(storefront.seen.length).toBe(2);
  });

  test("stale-if-error: with the storefront stopped, the stale page is served within the grace period", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, () =>
      htmlPage("kept alive", {
        "surrogate-control": "max-age=1, stale-while-revalidate=0, stale-if-error=60",
      }),
    );
    await fetch(`${edge.url}/products/tee`);
    await storefront.stop();
    await Bun.sleep(1_100);

    const answer = await fetch(`${edge.url}/products/tee`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-cache")).toBe("STALE");
    expect(answer.headers.get("cache-status")).toMatch(
      /^edge-proxy; fwd=stale; ttl=-\d+; detail=stale-if-error$/,
    );
    expect(await answer.text()).toContain("kept alive");
  });

  test("stale-if-error also covers a storefront answering 5xx", async () => {
    let failing = false;
    const { edge } = await edgeWithStorefront(track, () =>
      failing
        ? htmlPage("boom", {}, 503)
        : htmlPage("good copy", {
            "surrogate-control": "max-age=1, stale-while-revalidate=0, stale-if-error=60",
          }),
    );
    await fetch(`${edge.url}/categories`);
    failing = true;
    await Bun.sleep(1_100);
    const answer = await fetch(`${edge.url}/categories`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-status")).toContain("fwd=stale; fwd-status=503");
    expect(await answer.text()).toContain("good copy");
  });

  test("past the grace period, or with nothing cached, a stopped storefront is a 503 problem, never a hang", async () => {
    const storefront = startServer(() => htmlPage("never"));
    await storefront.stop();
    const lonely = await startEdge({ storefront: storefront.url });
    track.add(async () => {
      await lonely.stop();
      await cleanupPrefix(lonely.prefix);
    });
    const answer = await fetch(`${lonely.url}/`, { headers: { accept: "application/json" } });
    expect(answer.status).toBe(503);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(((await answer.json()) as { code: string }).code).toBe("UPSTREAM_UNAVAILABLE");
    // a browser gets a page, not JSON, with the same status and the request id to quote
    const page = await fetch(`${lonely.url}/`, {
      headers: { accept: "text/html,application/xhtml+xml", "x-request-id": "req-503" },
    });
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain("UPSTREAM_UNAVAILABLE");
    expect(html).toContain("req-503");
  });
});
