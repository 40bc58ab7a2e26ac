import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { z } from "zod";
import { createHealth } from "../health.js";
import { createLogger } from "../logging.js";
import { createFastifyApp, type App } from "./fastify.js";

let app: App;
before(async () => {
  app = await createFastifyApp({
    name: "adapter-test",
    logger: createLogger("adapter-test", "silent"),
    health: createHealth("adapter-test"),
  });
  app.get("/things/:id", { schema: { params: z.object({ id: z.string() }) } }, async (request) => ({
    id: request.params.id,
  }));
  await app.ready();
});
after(() => app.close());

// Found by the e2e fuzz suite: the router answered these itself, as Fastify's plain JSON.
test("paths the router refuses are problem details, not Fastify's own JSON", async () => {
  for (const url of [
    "/things/%ZZ",
    "/things/%",
    "/things/%ZZ?a=1&a=2",
    `/things/${"x".repeat(300)}`,
  ]) {
    const res = await app.inject({ method: "GET", url });
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    assert.match(String(res.headers["content-type"]), /^application\/problem\+json/, url);
    const problem = res.json();
    assert.equal(problem.code, "VALIDATION_FAILED", url);
    assert.equal(problem.status, 400);
    assert.deepEqual(
      problem.errors.map((e: { field: string }) => e.field),
      ["path"],
    );
    assert.ok(problem.requestId, "carries the request id");
    assert.equal(res.headers["x-request-id"], problem.requestId);
    assert.doesNotMatch(res.body, /FST_ERR/);
  }
});

test("a path that routes normally is untouched", async () => {
  const res = await app.inject({ method: "GET", url: "/things/%F0%9F%9B%92" });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { id: "🛒" });
});
