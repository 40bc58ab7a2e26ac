import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startStack, type Stack } from "../testing/stack.js";

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack.close());

test("the OpenAPI document lists every route with its schemas and a docs page links to it", async () => {
  const doc = await stack.call("/docs/json");
  assert.equal(doc.status, 200);
  assert.equal(doc.body.openapi, "3.1.0");
  const paths = Object.keys(doc.body.paths).sort();
  for (const path of [
    "/api/auth/register",
    "/api/auth/login",
    "/api/auth/refresh",
    "/api/auth/logout",
    "/api/auth/verify",
    "/api/auth/me",
    "/api/auth/guest",
    "/.well-known/jwks.json",
  ]) {
    assert.ok(paths.includes(path), `${path} missing from ${paths.join(", ")}`);
  }
  const login = doc.body.paths["/api/auth/login"].post;
  assert.ok(login.requestBody.content["application/json"].schema);
  assert.deepEqual(login.security, [{ clientKey: [] }]);
  assert.equal(doc.body.components.securitySchemes.clientKey.scheme, "basic");
  const page = await stack.call("/docs");
  assert.equal(page.status, 200);
  assert.match(String(page.body), /\/docs\/json/);
  assert.match(page.headers.get("content-type") ?? "", /text\/html/);
});

test("health answers, and readiness checks Redis", async () => {
  assert.equal((await stack.call("/health")).status, 200);
  const ready = await stack.call("/health/ready");
  assert.equal(ready.status, 200);
  assert.equal(ready.body.checks.redis.status, "ok");
});
