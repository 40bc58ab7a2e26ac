import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startHarness, type Harness } from "./testing/harness.js";

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

test("the OpenAPI document covers every route with its security and the docs page is served", async () => {
  const res = await h.app.inject({ method: "GET", url: "/docs/json" });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  const routes = Object.entries(
    doc.paths as Record<string, Record<string, { security?: unknown }>>,
  ).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
  );
  const names = routes.map((r) => r.route);
  for (const expected of [
    "POST /api/members",
    "GET /api/members",
    "GET /api/members/{id}",
    "PATCH /api/members/{id}",
    "DELETE /api/members/{id}",
    "POST /api/members/{id}/password",
    "GET /api/members/me/wishlist",
    "PUT /api/members/me/wishlist/{productId}",
    "POST /internal/credentials/verify",
    "POST /internal/members/lookup",
    "GET /internal/members/{id}",
  ]) {
    assert.ok(names.includes(expected), `${expected} missing`);
  }
  for (const { route, op } of routes) assert.ok(op.security, `${route} declares no security`);
  const page = await h.app.inject({ method: "GET", url: "/docs/" });
  assert.equal(page.statusCode, 200);
});

test("health and readiness answer", async () => {
  assert.equal((await h.app.inject({ method: "GET", url: "/health" })).statusCode, 200);
  const ready = (await h.app.inject({ method: "GET", url: "/health/ready" })).json();
  assert.equal(ready.checks.postgres.status, "ok");
  assert.equal(ready.checks.redis.status, "ok");
});
