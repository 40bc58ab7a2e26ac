// Service basics: health, OpenAPI document and docs page, problem details for unknown routes and
// malformed bodies, request ids, and an empty catalogue when seeding is off.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestService, type TestService } from "./test-support.js";

let svc: TestService;
before(async () => {
  svc = await startTestService({ seed: false });
});
after(() => svc?.close());

test("health and readiness", async () => {
  assert.equal((await svc.api("GET", "/health")).body.status, "ok");
  const ready = await svc.api("GET", "/health/ready");
  assert.equal(ready.status, 200);
  assert.deepEqual(Object.keys(ready.body.checks).sort(), ["postgres", "redis", "storage"]);
});

test("the OpenAPI document lists every public and internal route; /docs renders it", async () => {
  const doc = (await svc.api("GET", "/docs/json")).body;
  assert.equal(doc.openapi, "3.1.0");
  for (const path of [
    "/api/v1/categories",
    "/api/v1/products",
    "/api/v1/products/{idOrSlug}",
    "/api/v1/images",
    "/api/v1/products/{id}/images/{imageId}",
    "/api/v1/products/{id}/reviews",
    "/api/v1/reviews",
    "/internal/products/lookup",
    "/internal/reservations",
  ]) {
    assert.ok(doc.paths[path], path);
  }
  const params = doc.paths["/api/v1/products"].get.parameters.map((p: { name: string }) => p.name);
  for (const name of [
    "page",
    "limit",
    "category",
    "minPrice",
    "maxPrice",
    "q",
    "onSale",
    "isNew",
    "featured",
    "sort",
    "ids",
  ]) {
    assert.ok(params.includes(name), name);
  }
  const page = await svc.api("GET", "/docs");
  assert.equal(page.status, 200);
  assert.match(page.headers.get("content-type") ?? "", /text\/html/);
  assert.match(page.body, /\/internal\/reservations/);
});

test("unknown routes and malformed JSON are problem details with the request id", async () => {
  const missing = await svc.api("GET", "/api/v1/nothing", {
    headers: { "x-request-id": "req-123" },
  });
  assert.equal(missing.status, 404);
  assert.equal(missing.body.code, "ROUTE_NOT_FOUND");
  assert.equal(missing.body.requestId, "req-123");
  assert.equal(missing.headers.get("x-request-id"), "req-123");
  const response = await fetch(`${svc.url}/api/v1/categories`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${svc.tokens.admin}` },
    body: "{not json",
  });
  const problem = (await response.json()) as { code: string; requestId?: string };
  assert.equal(response.status, 400);
  assert.equal(problem.code, "MALFORMED_JSON");
  assert.ok(problem.requestId);
});

test("with ENABLE_SEED off the catalogue starts empty", async () => {
  assert.deepEqual((await svc.api("GET", "/api/v1/categories")).body.items, []);
  assert.equal((await svc.api("GET", "/api/v1/products")).body.total, 0);
});
