import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestDatabase, testRedisUrl } from "@shop/test-kit";
import pg from "pg";
import { z } from "zod";
import { createFastifyApp, type App } from "./adapters/fastify.js";
import { createHealth } from "./health.js";
import { createLogger } from "./logging.js";
import { registry, counter, gauge, metricsAnswer } from "./metrics.js";
import { POSTGRES_BOUNDS } from "./postgres.js";
import { createRedis } from "./redis.js";

/** The value of one series in the exposition text, or undefined when it is absent. */
async function sample(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await registry.metrics();
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.lastIndexOf("}"));
    if (Object.entries(labels).every(([k, v]) => inside.includes(`${k}="${v}"`)))
      return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

let app: App;
before(async () => {
  app = await createFastifyApp({
    name: "metrics-test",
    logger: createLogger("metrics-test", "silent"),
    health: createHealth("metrics-test"),
  });
  app.get("/things/:id", { schema: { params: z.object({ id: z.string() }) } }, async (request) => ({
    id: request.params.id,
  }));
  await app.ready();
});
after(() => app.close());

test("requests are counted per route template and status class, never per raw URL", async () => {
  for (const id of ["a", "b", "c"]) await app.inject({ method: "GET", url: `/things/${id}` });
  await app.inject({ method: "GET", url: "/no/such/path/123" });
  const res = await app.inject({ method: "GET", url: "/metrics" });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers["content-type"]), /^text\/plain/);
  const labels = { method: "GET", route: "/things/:id", status_class: "2xx" };
  assert.equal(await sample("http_server_request_duration_seconds_count", labels), 3);
  assert.equal(
    await sample("http_server_request_duration_seconds_count", {
      route: "unmatched",
      status_class: "4xx",
    }),
    1,
  );
  assert.doesNotMatch(res.body, /things\/a|no\/such/, "no raw URL becomes a label");
  assert.match(res.body, /service="metrics-test"/, "every series names the part");
  assert.match(res.body, /process_resident_memory_bytes/, "process metrics are collected");
});

test("a metric asked for twice is the same metric", () => {
  const first = counter("test_things_total", "things", ["kind"]);
  assert.equal(counter("test_things_total", "things", ["kind"]), first);
  const g = gauge("test_level", "level");
  assert.equal(gauge("test_level", "level"), g);
});

test("gauges with a collect callback are read at scrape time", async () => {
  let backlog = 4;
  gauge("test_backlog", "backlog", [], (g) => g.set(backlog));
  assert.equal(await sample("test_backlog", {}), 4);
  backlog = 9;
  assert.equal(await sample("test_backlog", {}), 9);
});

test("PostgreSQL queries are timed as the postgres dependency, by statement kind", async () => {
  const db = await createTestDatabase("platform_metrics");
  const pool = new pg.Pool({ connectionString: db.url, max: 1, ...POSTGRES_BOUNDS });
  try {
    const labels = { dependency: "postgres", operation: "select", outcome: "ok" };
    const before = (await sample("dependency_request_duration_seconds_count", labels)) ?? 0;
    await pool.query("SELECT 1");
    await pool.query({ text: "select $1::int", values: [2] });
    await assert.rejects(pool.query("SELECT * FROM no_such_table"));
    assert.equal(await sample("dependency_request_duration_seconds_count", labels), before + 2);
    assert.ok(
      ((await sample("dependency_request_duration_seconds_count", {
        dependency: "postgres",
        outcome: "error",
      })) ?? 0) >= 1,
    );
  } finally {
    await pool.end();
    await db.drop();
  }
});

test("Redis commands are timed as the redis dependency, by command", async () => {
  const redis = createRedis(testRedisUrl, { name: "metrics-test" });
  try {
    const labels = { dependency: "redis", operation: "incr", outcome: "ok" };
    const before = (await sample("dependency_request_duration_seconds_count", labels)) ?? 0;
    await redis.incr("platform-metrics-test");
    await redis.incr("platform-metrics-test");
    await redis.del("platform-metrics-test");
    assert.equal(await sample("dependency_request_duration_seconds_count", labels), before + 2);
  } finally {
    redis.disconnect();
  }
});

test("the metrics answer wants the token when one is set, and is off in production without one", async () => {
  const { startMetrics } = await import("./metrics.js");
  // The process's settings come from its first start; check the rule through fresh copies.
  startMetrics("metrics-test");
  assert.equal((await metricsAnswer(undefined)).status, 200, "development without a token: open");
  const withToken = await import(`./metrics.js?token=${Date.now()}`);
  withToken.startMetrics("t", { METRICS_TOKEN: "0123456789abcdef0123" });
  assert.equal((await withToken.metricsAnswer(undefined)).status, 401);
  assert.equal((await withToken.metricsAnswer("Bearer wrong-token-of-len-20")).status, 401);
  assert.equal((await withToken.metricsAnswer("Bearer 0123456789abcdef0123")).status, 200);
  const production = await import(`./metrics.js?production=${Date.now()}`);
  production.startMetrics("p", { NODE_ENV: "production" });
  assert.equal((await production.metricsAnswer(undefined)).status, 404);
});
