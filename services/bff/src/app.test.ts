import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { App } from "@shop/platform/fastify";
import { testRedisUrl } from "@shop/test-kit";
import { buildApp } from "./app.js";
import { readConfig } from "./config.js";

describe("bff app", () => {
  let app: App;

  before(async () => {
    // Nothing listens on port 9: every product call is refused at once.
    ({ app } = await buildApp(
      readConfig({
        LOG_LEVEL: "silent",
        PRODUCT_URL: "http://127.0.0.1:9",
        REDIS_URL: testRedisUrl,
      }),
    ));
  });
  after(() => app.close());

  it("serves the OpenAPI UI at /docs and a document describing every route", async () => {
    const page = await app.inject({ method: "GET", url: "/docs" });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers["content-type"]), /text\/html/);
    const doc = (await app.inject({ method: "GET", url: "/docs/json" })).json();
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      "/api/admin/platform",
      "/api/categories",
      "/api/home",
      "/api/products",
      "/api/products/{idOrSlug}",
    ]);
    const form = doc.paths["/api/products"].post.requestBody.content["multipart/form-data"].schema;
    assert.ok(
      form.properties.images && form.properties.price,
      "the admin form's fields are documented",
    );
    assert.ok(
      doc.paths["/api/categories"].get.parameters.some((p: { name: string }) => p.name === "sort"),
    );
  });

  it("is alive without its upstream, but not ready", async () => {
    assert.equal((await app.inject({ method: "GET", url: "/health" })).statusCode, 200);
    const ready = await app.inject({ method: "GET", url: "/health/ready" });
    assert.equal(ready.statusCode, 503);
    assert.equal(ready.json().checks.product.status, "down");
  });

  it("answers unknown routes and upstream outages with problem details", async () => {
    const missing = await app.inject({ method: "GET", url: "/api/nothing" });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, "ROUTE_NOT_FOUND");
    const page = await app.inject({
      method: "GET",
      url: "/api/categories",
      headers: { "x-request-id": "req-42" },
    });
    assert.equal(page.statusCode, 503);
    assert.match(String(page.headers["content-type"]), /^application\/problem\+json/);
    assert.deepEqual([page.json().code, page.json().requestId], ["UPSTREAM_UNAVAILABLE", "req-42"]);
    assert.ok(!JSON.stringify(page.json()).includes("ECONNREFUSED"), "no driver message leaks out");
  });
});
