/** Response cache (issue 4): keys, headers, refresh, coalescing, stale answers, purges, Redis down. */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startGateway, startUpstream, sleep, type TestGateway } from "../testing/harness.js";

const YAML = `
upstreams:
  bff: { timeout: 2s, breaker: { failures: 1000 } }
  flaky: { timeout: 1s, breaker: { failures: 1000 } }
warmUp:
  paths: [/api/home, "/api/categories?category=shoes"]
routes:
  - id: home
    path: /api/home
    methods: [GET]
    upstream: bff
    policy: public
    cache: { ttl: 300s, maxSize: 2mb, purgeOn: { product.*: all, category.*: all } }
  - id: limited
    path: /api/limited
    methods: [GET]
    upstream: bff
    policy: public
    rateLimit: { limit: 2, window: 1m, by: ip }
    cache: { ttl: 300s, vary: [page] }
  - id: categories
    path: /api/categories
    methods: [GET]
    upstream: bff
    policy: public
    cache: { ttl: 300s, maxSize: 1mb, vary: [category, page], purgeOn: { product.*: all, category.*: all } }
  - id: product-page
    path: /api/products/:idOrSlug
    methods: [GET]
    upstream: bff
    policy: public
    cache: { ttl: 300s, purgeOn: { product.*: { param: idOrSlug } } }
  - id: swr
    path: /api/swr
    methods: [GET]
    upstream: bff
    policy: public
    cache: { ttl: 300ms, staleWhileRevalidate: 10s, staleIfError: 10s }
  - id: other
    path: /api/other/*
    methods: [GET]
    upstream: bff
    policy: public
    cache: { ttl: 300s, maxSize: 100b }
  - id: flaky
    path: /api/flaky
    methods: [GET]
    upstream: flaky
    policy: public
    cache: { ttl: 200ms, staleWhileRevalidate: 0s, staleIfError: 30s }
`;

describe("gateway response cache", () => {
  let version = 1;
  let delayMs = 0;
  let flakyMode: "ok" | "500" = "ok";
  const bff = () =>
    startUpstream(async (req, res) => {
      if (delayMs) await sleep(delayMs);
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/api/other/no-store") {
        res
          .writeHead(200, { "content-type": "application/json", "cache-control": "no-store" })
          .end("{}");
        return;
      }
      if (url.pathname === "/api/other/missing") {
        res
          .writeHead(404, { "content-type": "application/problem+json" })
          .end('{"code":"PRODUCT_NOT_FOUND"}');
        return;
      }
      if (url.pathname === "/api/other/big") {
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ pad: "x".repeat(500) }));
        return;
      }
      const body = JSON.stringify({ path: url.pathname, query: url.search, version });
      res
        .writeHead(200, {
          "content-type": "application/json",
          "cache-control": "public, s-maxage=300",
        })
        .end(body);
    });
  let upstream: Awaited<ReturnType<typeof bff>>;
  let flaky: Awaited<ReturnType<typeof startUpstream>>;
  let gw: TestGateway;

  before(async () => {
    upstream = await bff();
    flaky = await startUpstream((_req, res) => {
      if (flakyMode === "500") res.writeHead(500, { "content-type": "application/json" }).end("{}");
      else
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ flaky: true, version }));
    });
    gw = await startGateway(YAML, { upstreams: { bff: upstream.url, flaky: flaky.url } });
  });
  after(async () => {
    await gw.close();
    await upstream.close();
    await flaky.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(gw.url + path, { headers });
  const callsTo = (path: string) =>
    upstream.calls.filter((c) => c.url.split("?")[0] === path).length;

  it("answers MISS then HIT with the cache headers, calling the upstream once", async () => {
    const first = await get("/api/home");
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("x-cache-status"), "MISS");
    assert.equal(first.headers.get("x-cache-key"), "cache:GET:/api/home");
    assert.equal(first.headers.get("x-cache-ttl"), "300");
    assert.match(
      first.headers.get("cache-status") ?? "",
      /^shop-gateway; fwd=uri-miss; fwd-status=200; stored/,
    );
    const firstBody = await first.text();
    const second = await get("/api/home");
    assert.equal(second.headers.get("x-cache-status"), "HIT");
    assert.equal(second.headers.get("x-cache-key"), "cache:GET:/api/home");
    assert.equal(second.headers.get("x-cache-age"), "0");
    assert.equal(second.headers.get("x-cache-ttl"), "300");
    assert.match(second.headers.get("cache-status") ?? "", /^shop-gateway; hit; ttl=\d+$/);
    assert.equal(second.headers.get("content-type"), "application/json");
    assert.equal(await second.text(), firstBody);
    assert.equal(callsTo("/api/home"), 1);
    // The cached fetch is anonymous: the caller's credentials never reach a shared answer.
    assert.equal(upstream.calls[0]?.headers.authorization, undefined);
  });

  it("ignores X-Cache-Refresh from the public and honours it with the internal key", async () => {
    await get("/api/home");
    const before = callsTo("/api/home");
    const outside = await get("/api/home", { "x-cache-refresh": "true" });
    assert.equal(outside.headers.get("x-cache-status"), "HIT");
    assert.equal(callsTo("/api/home"), before);
    const wrongKey = await get("/api/home", {
      "x-cache-refresh": "true",
      "x-internal-key": "guess",
    });
    assert.equal(wrongKey.headers.get("x-cache-status"), "HIT");
    const internal = await get("/api/home", {
      "x-cache-refresh": "true",
      "x-internal-key": gw.internalKey,
    });
    assert.equal(internal.headers.get("x-cache-status"), "REFRESH");
    assert.equal(callsTo("/api/home"), before + 1);
    assert.equal(upstream.calls.at(-1)?.headers["x-internal-key"], undefined);
  });

  it("keys categories by their allow-listed, sorted query parameters", async () => {
    const shoes = await get("/api/categories?category=shoes&page=2");
    const clothing = await get("/api/categories?category=clothing&page=2");
    assert.equal(
      shoes.headers.get("x-cache-key"),
      "cache:GET:/api/categories?category=shoes&page=2",
    );
    assert.equal(
      clothing.headers.get("x-cache-key"),
      "cache:GET:/api/categories?category=clothing&page=2",
    );
    assert.match(await shoes.text(), /category=shoes/);
    assert.match(await clothing.text(), /category=clothing/);
    const reordered = await get("/api/categories?page=2&category=shoes");
    assert.equal(reordered.headers.get("x-cache-status"), "HIT");
    assert.match(await reordered.text(), /category=shoes/);
    const clothingAgain = await get("/api/categories?category=clothing&page=2");
    assert.equal(clothingAgain.headers.get("x-cache-status"), "HIT");
    assert.doesNotMatch(await clothingAgain.text(), /shoes/);
    const unknown = await get("/api/categories?category=shoes&utm_source=x");
    assert.equal(unknown.headers.get("x-cache-status"), "BYPASS");
    assert.match(
      unknown.headers.get("cache-status") ?? "",
      /fwd=bypass; detail="unkeyed-param utm_source"/,
    );
  });

  it("makes one upstream call for 200 concurrent cold requests", async () => {
    delayMs = 150;
    try {
      const path = `/api/products/cold-${randomUUID()}`;
      const answers = await Promise.all(Array.from({ length: 200 }, () => get(path)));
      const bodies = await Promise.all(answers.map((r) => r.text()));
      assert.ok(answers.every((r) => r.status === 200));
      assert.equal(new Set(bodies).size, 1);
      assert.equal(callsTo(path), 1);
      assert.ok(answers.some((r) => /collapsed/.test(r.headers.get("cache-status") ?? "")));
    } finally {
      delayMs = 0;
    }
  });

  it("serves a stale entry while one background refresh runs", async () => {
    await get("/api/swr");
    await sleep(350);
    version++;
    const stale = await Promise.all([get("/api/swr"), get("/api/swr"), get("/api/swr")]);
    for (const res of stale) {
      assert.equal(res.headers.get("x-cache-status"), "STALE");
      assert.match(res.headers.get("cache-status") ?? "", /stale-while-revalidate/);
    }
    await sleep(100);
    assert.equal(callsTo("/api/swr"), 2);
    const fresh = await get("/api/swr");
    assert.equal(fresh.headers.get("x-cache-status"), "HIT");
    assert.equal(((await fresh.json()) as { version: number }).version, version);
  });

  it("serves stale when the upstream fails or is stopped (stale-if-error)", async () => {
    const first = await get("/api/flaky");
    const body = await first.text();
    await sleep(250);
    flakyMode = "500";
    const onError = await get("/api/flaky");
    assert.equal(onError.status, 200);
    assert.equal(onError.headers.get("x-cache-status"), "STALE");
    assert.match(
      onError.headers.get("cache-status") ?? "",
      /fwd=stale; fwd-status=500; detail="stale-if-error"/,
    );
    assert.equal(await onError.text(), body);
    await flaky.close();
    const stopped = await get("/api/flaky");
    assert.equal(stopped.status, 200);
    assert.equal(stopped.headers.get("x-cache-status"), "STALE");
    assert.equal(await stopped.text(), body);
  });

  it("purges the affected entries within a second of a catalogue event", async () => {
    for (const path of [
      "/api/home",
      "/api/categories?category=shoes",
      "/api/products/p-1",
      "/api/products/slug-one",
      "/api/products/p-2",
    ]) {
      await get(path);
      assert.equal((await get(path)).headers.get("x-cache-status"), "HIT", path);
    }
    const event = {
      eventId: randomUUID(),
      type: "product.updated",
      id: "p-1",
      slug: "slug-one",
      at: new Date().toISOString(),
    };
    await gw.redis.publish(`${gw.prefix}catalog.events`, JSON.stringify(event));
    const started = Date.now();
    while (
      (await get("/api/products/p-1")).headers.get("x-cache-status") === "HIT" &&
      Date.now() - started < 1000
    )
      await sleep(20);
    assert.ok(Date.now() - started < 1000, "purge took over a second");
    assert.equal((await get("/api/products/slug-one")).headers.get("x-cache-status"), "MISS");
    assert.equal((await get("/api/home")).headers.get("x-cache-status"), "MISS");
    assert.equal(
      (await get("/api/categories?category=shoes")).headers.get("x-cache-status"),
      "MISS",
    );
    assert.equal((await get("/api/products/p-2")).headers.get("x-cache-status"), "HIT");
    // Category events purge home and category listings, not product pages.
    await gw.redis.publish(
      `${gw.prefix}catalog.events`,
      JSON.stringify({
        ...event,
        eventId: randomUUID(),
        type: "category.updated",
        id: "c-1",
        slug: "shoes",
      }),
    );
    await sleep(200);
    assert.equal((await get("/api/home")).headers.get("x-cache-status"), "MISS");
    assert.equal(
      (await get("/api/categories?category=shoes")).headers.get("x-cache-status"),
      "MISS",
    );
    assert.equal((await get("/api/products/p-2")).headers.get("x-cache-status"), "HIT");
  });

  it("does not store no-store answers, non-cacheable statuses or oversized bodies", async () => {
    for (const path of ["/api/other/no-store", "/api/other/missing", "/api/other/big"]) {
      const first = await get(path);
      const second = await get(path);
      assert.equal(first.headers.get("x-cache-status"), "BYPASS", path);
      assert.equal(second.headers.get("x-cache-status"), "BYPASS", path);
      assert.equal(callsTo(path), 2, path);
    }
    const missing = await get("/api/other/missing");
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get("cache-status") ?? "", /detail="status 404"/);
  });

  it("answers cached GETs before the rate limit is charged", async () => {
    const miss = await get("/api/limited");
    assert.equal(miss.headers.get("x-cache-status"), "MISS");
    assert.match(miss.headers.get("ratelimit") ?? "", /^"limited";r=1;t=\d+$/);
    const hits = await Promise.all(Array.from({ length: 10 }, () => get("/api/limited")));
    assert.ok(hits.every((r) => r.status === 200 && r.headers.get("x-cache-status") === "HIT"));
    assert.equal((await get("/api/limited?page=2")).status, 200);
    const limited = await get("/api/limited?page=3");
    assert.equal(limited.status, 429);
    assert.equal(callsTo("/api/limited"), 2);
  });

  it("warms the configured paths as forced refreshes", async () => {
    const before = callsTo("/api/home");
    const results = await gw.gateway.warmUp.runOnce();
    assert.deepEqual(
      results.map((r) => ("error" in r ? r.error : r.cacheStatus)),
      ["REFRESH", "REFRESH"],
    );
    assert.equal(callsTo("/api/home"), before + 1);
    assert.equal(
      (await get("/api/categories?category=shoes")).headers.get("x-cache-status"),
      "HIT",
    );
  });

  it("shares entries between gateway processes through Redis", async () => {
    const twin = await startGateway(YAML, {
      upstreams: { bff: upstream.url, flaky: upstream.url },
      env: { REDIS_PREFIX: gw.prefix },
    });
    try {
      const path = `/api/products/shared-${randomUUID()}`;
      assert.equal((await get(path)).headers.get("x-cache-status"), "MISS");
      const fromTwin = await fetch(twin.url + path);
      assert.equal(fromTwin.headers.get("x-cache-status"), "HIT");
      assert.equal(callsTo(path), 1);
    } finally {
      await twin.close({ keepKeys: true });
    }
  });
});

describe("gateway response cache without Redis", () => {
  it("steps aside and keeps serving from the upstream", async () => {
    const upstream = await startUpstream((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
    );
    const gw = await startGateway(YAML, {
      upstreams: { bff: upstream.url, flaky: upstream.url },
      env: { REDIS_URL: "redis://127.0.0.1:1/15" },
      settleMs: 200,
    });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${gw.url}/api/home`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get("x-cache-status"), "BYPASS");
        assert.match(res.headers.get("cache-status") ?? "", /cache-unavailable/);
        assert.deepEqual(await res.json(), { ok: true });
      }
      assert.equal(upstream.calls.length, 3);
    } finally {
      await gw.close();
      await upstream.close();
    }
  });
});
