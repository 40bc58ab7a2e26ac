/** Purges: catalogue events from the product service, the admin endpoint, and other proxy processes. */
import { afterAll, beforeAll, afterEach, describe, expect, test } from "bun:test";
import type { CatalogEvent } from "@shop/contracts";
import { startFakeAuth, type FakeAuth } from "../testing/auth.js";
import {
  cleanupPrefix,
  edgeWithStorefront,
  htmlPage,
  publish,
  startEdge,
  tracker,
  type TestEdge,
} from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());
let auth: FakeAuth;
beforeAll(async () => {
  auth = await startFakeAuth();
});
afterAll(() => auth.stop());

const PAGES = [
  "/",
  "/products/tee",
  "/products/other",
  "/categories",
  "/categories/shoes?sort=price",
  "/search?q=tee",
  "/account-free",
];

async function warm(edge: TestEdge, paths = PAGES) {
  for (const path of paths) await fetch(`${edge.url}${path}`, { headers: { host: "shop.test" } });
}

async function cacheState(edge: TestEdge, path: string): Promise<string | null> {
  const answer = await fetch(`${edge.url}${path}`, { headers: { host: "shop.test" } });
  await answer.text();
  return answer.headers.get("x-cache");
}

function catalogEvent(type: CatalogEvent["type"], id: string, slug: string): string {
  return JSON.stringify({
    eventId: crypto.randomUUID(),
    type,
    id,
    slug,
    at: new Date().toISOString(),
  } satisfies CatalogEvent);
}

async function waitUntilGone(edge: TestEdge, key: string, timeoutMs = 1_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (!edge.app.cache.memory.peek(key)) return Date.now() - started;
    await Bun.sleep(5);
  }
  throw new Error(`${key} still cached after ${timeoutMs} ms`);
}

describe("purge after a catalogue event", () => {
  test("a product edit purges the home page, that product, category pages and search — within a second", async () => {
    const { edge } = await edgeWithStorefront(
      track,
      (_, seen) => htmlPage(`page ${seen.path}${seen.search}`),
      {
        env: { HTML_CACHE_ROUTES: "/,/categories,/categories/*,/products/*,/search,/account-free" },
      },
    );
    await warm(edge);
    expect(await cacheState(edge, "/products/tee")).toBe("HIT");

    await publish(`${edge.prefix}catalog.events`, catalogEvent("product.updated", "p-1", "tee"));
    const took = await waitUntilGone(edge, "html_cache:shop.test/products/tee");
    expect(took).toBeLessThan(1_000);
    await Bun.sleep(20);

    for (const path of [
      "/",
      "/products/tee",
      "/categories",
      "/categories/shoes?sort=price",
      "/search?q=tee",
    ]) {
      expect([path, await cacheState(edge, path)]).toEqual([path, "MISS"]);
    }
    expect(await cacheState(edge, "/products/other")).toBe("HIT");
    expect(await cacheState(edge, "/account-free")).toBe("HIT");
  });

  test("a category change purges the home page and category pages only", async () => {
    const { edge } = await edgeWithStorefront(track, (_, seen) => htmlPage(`page ${seen.path}`));
    await warm(edge, ["/", "/categories", "/categories/bags", "/products/tee"]);
    await publish(`${edge.prefix}catalog.events`, catalogEvent("category.updated", "c-1", "bags"));
    await waitUntilGone(edge, "html_cache:shop.test/categories/bags");
    expect(await cacheState(edge, "/")).toBe("MISS");
    expect(await cacheState(edge, "/categories")).toBe("MISS");
    expect(await cacheState(edge, "/products/tee")).toBe("HIT");
  });

  test("a render that started before the edit is not stored (it may show the old product)", async () => {
    let calls = 0;
    const { edge } = await edgeWithStorefront(track, async () => {
      calls += 1;
      if (calls === 1) await Bun.sleep(200);
      return htmlPage(`render ${calls}`);
    });
    const slow = fetch(`${edge.url}/products/tee`, { headers: { host: "shop.test" } });
    await Bun.sleep(50);
    await publish(`${edge.prefix}catalog.events`, catalogEvent("product.updated", "p-1", "tee"));
    const first = await slow;
    expect(await first.text()).toContain("render 1");
    expect(first.headers.get("cache-status")).not.toContain("stored");
    const next = await fetch(`${edge.url}/products/tee`, { headers: { host: "shop.test" } });
    expect(next.headers.get("x-cache")).toBe("MISS");
    expect(await next.text()).toContain("render 2");
  });

  test("a malformed event is ignored", async () => {
    const { edge } = await edgeWithStorefront(track, () => htmlPage("home"));
    await warm(edge, ["/"]);
    await publish(`${edge.prefix}catalog.events`, "{not json");
    await publish(`${edge.prefix}catalog.events`, JSON.stringify({ type: "product.exploded" }));
    await Bun.sleep(100);
    expect(await cacheState(edge, "/")).toBe("HIT");
  });
});

describe("admin purge endpoint", () => {
  async function edgeWithAuth() {
    return edgeWithStorefront(track, (_, seen) => htmlPage(`page ${seen.path}`), {
      auth: auth.url,
    });
  }
  const purge = (edge: TestEdge, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${edge.url}/_edge/purge`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  test("the internal key purges the named pages", async () => {
    const { edge } = await edgeWithAuth();
    await warm(edge, ["/", "/products/tee", "/products/other"]);
    const answer = await purge(
      edge,
      { paths: ["/products/tee"] },
      { "x-internal-key": "test-internal-key" },
    );
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ purged: 1, tags: ["page:/products/tee"] });
    expect(await cacheState(edge, "/products/tee")).toBe("MISS");
    expect(await cacheState(edge, "/products/other")).toBe("HIT");
  });

  test("a purge reaches every spelling of the page (case, percent-encoding)", async () => {
    const { edge } = await edgeWithAuth();
    const spellings = ["/products/Tee", "/products/%74ee", "/products/tee"];
    await warm(edge, spellings);
    for (const path of spellings)
      expect([path, await cacheState(edge, path)]).toEqual([path, "HIT"]);
    const answer = await purge(
      edge,
      { paths: ["/products/TEE"] },
      { "x-internal-key": "test-internal-key" },
    );
    // One page was cached for all three spellings, and it is gone.
    expect(await answer.json()).toEqual({ purged: 1, tags: ["page:/products/tee"] });
    expect(edge.app.cache.memory.peek("html_cache:shop.test/products/tee")).toBeFalsy();
    expect(await cacheState(edge, "/products/%54EE")).toBe("MISS");
  });

  test("an admin token purges; a customer token is refused; no credentials is 401", async () => {
    const { edge } = await edgeWithAuth();
    await warm(edge, ["/", "/categories/shoes"]);
    expect((await purge(edge, { all: true })).status).toBe(401);
    expect((await purge(edge, { all: true }, { "x-internal-key": "wrong" })).status).toBe(401);
    const customer = await purge(
      edge,
      { all: true },
      { authorization: `Bearer ${await auth.token({ role: "customer" })}` },
    );
    expect(customer.status).toBe(403);
    expect(((await customer.json()) as { code: string }).code).toBe("FORBIDDEN");
    const expired = await purge(
      edge,
      { all: true },
      { authorization: `Bearer ${await auth.token({ role: "admin", expiresInSec: -60 })}` },
    );
    expect(expired.status).toBe(401);
    const admin = await purge(
      edge,
      { paths: ["/categories/*"] },
      { authorization: `Bearer ${await auth.token({ role: "admin" })}` },
    );
    expect(admin.status).toBe(200);
    expect(await cacheState(edge, "/categories/shoes")).toBe("MISS");
    expect(await cacheState(edge, "/")).toBe("HIT");
  });

  test("an admin's session cookie works from the shop's own pages, never from another site", async () => {
    const { edge } = await edgeWithAuth();
    const cookie = `access_token=${await auth.token({ role: "admin" })}`;
    const crossSite = await purge(
      edge,
      { all: true },
      { cookie, origin: "https://evil.example", host: "shop.test" },
    );
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { code: string }).code).toBe("CSRF_REJECTED");
    const sameSite = await purge(
      edge,
      { all: true },
      { cookie, origin: "http://shop.test", host: "shop.test" },
    );
    expect(sameSite.status).toBe(200);
  });

  test("bad input is a 4xx problem", async () => {
    const { edge } = await edgeWithAuth();
    const key = { "x-internal-key": "test-internal-key" };
    const malformed = await purge(edge, "{oops", key);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe("MALFORMED_JSON");
    const empty = await purge(edge, {}, key);
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    const notAPath = await purge(edge, { paths: ["https://evil.example/"] }, key);
    expect(notAPath.status).toBe(400);
    const get = await fetch(`${edge.url}/_edge/purge`);
    expect(get.status).toBe(405);
  });
});

describe("several proxy processes", () => {
  test("a purge through one process drops the memory copy in the others", async () => {
    const { edge: a, storefront } = await edgeWithStorefront(track, (_, seen) =>
      htmlPage(`page ${seen.path}`),
    );
    const b = await startEdge({ storefront: storefront.url, prefix: a.prefix });
    track.add(async () => {
      await b.stop();
      await cleanupPrefix(a.prefix);
    });
    await warm(a, ["/products/tee"]);
    expect(await cacheState(b, "/products/tee")).toBe("HIT"); // from Redis into b's memory
    const answer = await fetch(`${a.url}/_edge/purge`, {
      method: "POST",
      headers: { "x-internal-key": "test-internal-key", "content-type": "application/json" },
      body: JSON.stringify({ paths: ["/products/tee"] }),
    });
    expect(answer.status).toBe(200);
    await waitUntilGone(b, "html_cache:shop.test/products/tee");
    expect(await cacheState(b, "/products/tee")).toBe("MISS");
  });

  test("a page stored by one process replaces the other's memory copy", async () => {
    let version = 0;
    const { edge: a, storefront } = await edgeWithStorefront(track, () => {
      version += 1;
      return htmlPage(`version ${version}`, {
        "surrogate-control": "max-age=1, stale-while-revalidate=0, stale-if-error=0",
      });
    });
    const b = await startEdge({ storefront: storefront.url, prefix: a.prefix });
    track.add(async () => {
      await b.stop();
      await cleanupPrefix(a.prefix);
    });
    await warm(a, ["/"]);
    await warm(b, ["/"]); // b now holds version 1 in memory
    await Bun.sleep(1_100);
    await warm(a, ["/"]); // a renders and stores version 2
    await Bun.sleep(50);
    const fromB = await fetch(`${b.url}/`, { headers: { host: "shop.test" } });
    expect(fromB.headers.get("x-cache")).toBe("HIT");
    expect(await fromB.text()).toContain("version 2");
  });
});
