import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { App } from "@shop/platform/fastify";
import { buildApp } from "../app.js";
import { readConfig } from "../config.js";
import { startFakeProduct, type FakeProduct } from "../testing/fake-product.js";

describe("GET /api/home", () => {
  let upstream: FakeProduct;
  let app: App;

  before(async () => {
    upstream = await startFakeProduct();
    ({ app } = await buildApp(
      readConfig({ PRODUCT_URL: upstream.url, LOG_LEVEL: "silent", UPSTREAM_TIMEOUT_MS: "300" }),
    ));
  });
  after(async () => {
    await app.close();
    await upstream.close();
  });

  it("answers every component in content order, cacheable for 300 s", async () => {
    const res = await app.inject({ method: "GET", url: "/api/home" });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(
      body.components.map((c: { type: string }) => c.type),
      ["banner", "categories", "featuredProducts", "promotion", "newArrivals", "reviews"],
    );
    assert.deepEqual(body.degraded, []);
    assert.match(res.headers["cache-control"] as string, /public, s-maxage=\d+/);
    console.log(JSON.stringify(body).slice(0, 400));
  });

  it("leaves out a slow component and says so", async () => {
    upstream.delays.set("/api/v1/reviews", 1000);
    const t0 = performance.now();
    const res = await app.inject({ method: "GET", url: "/api/home" });
    upstream.delays.clear();
    assert.equal(res.statusCode, 200);
    assert.ok(performance.now() - t0 < 900);
    assert.deepEqual(res.json().degraded, ["reviews"]);
    assert.equal(res.headers["x-degraded"], "reviews");
    assert.equal(res.headers["cache-control"], "no-store");
  });
});
