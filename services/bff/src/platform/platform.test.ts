// The admin platform page's data: PromQL answers shaped into the contract, admin-only access, and
// Prometheus outages as 503 (never 500). Prometheus is a small real HTTP server speaking its JSON API.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { PlatformOverview } from "@shop/contracts";
import type { App } from "@shop/platform/fastify";
import { startTestIssuer, testPrefix, testRedisUrl, type TestIssuer } from "@shop/test-kit";
import { buildApp } from "../app.js";
import { readConfig } from "../config.js";
import { koreanMidnight, measured, partNames, toChart } from "./platform.service.js";

const NOW = new Date("2026-12-06T03:00:05Z"); // 12:00:05 in Seoul

type Answer = { status: number; body: unknown };
const vector = (result: Array<[Record<string, string>, string]>): Answer => ({
  status: 200,
  body: {
    status: "success",
    data: {
      resultType: "vector",
      result: result.map(([metric, v]) => ({ metric, value: [NOW.getTime() / 1000, v] })),
    },
  },
});

/** Answers an instant query by what its PromQL asks for (first match wins). */
function instantAnswer(query: string): Answer {
  if (query === "up")
    return vector([
      [{ job: "gateway" }, "1"],
      [{ job: "cart" }, "0"],
    ]);
  if (query === 'count(up{job="order"})') return vector([[{}, "1"]]);
  if (query.includes("shop_revenue_krw_total")) return vector([[{}, "87000.4"]]);
  if (query.includes('outcome="paid"')) return vector([[{}, "2.9999"]]);
  if (query.includes('outcome="declined"')) return vector([[{}, "0"]]);
  if (query.includes("cache_events_total"))
    return vector([
      [{ service: "gateway" }, "0.75"],
      [{ service: "bff" }, "0.5"],
    ]);
  if (query.startsWith("histogram_quantile"))
    return vector([
      [{ service: "gateway" }, "0.042"],
      [{ service: "cart" }, "NaN"],
    ]);
  if (query.includes('status_class="5xx"'))
    return vector([
      [{ service: "gateway" }, "0.1"],
      [{ service: "cart" }, "NaN"],
    ]);
  return vector([
    [{ service: "gateway" }, "12.5"],
    [{ service: "search" }, "1"],
  ]);
}

function rangeAnswer(params: URLSearchParams): Answer {
  const start = Number(params.get("start"));
  const step = Number(params.get("step"));
  const isP99 = params.get("query")!.startsWith("histogram_quantile");
  return {
    status: 200,
    body: {
      status: "success",
      data: {
        resultType: "matrix",
        result: [
          {
            metric: { service: "gateway" },
            // Only the second and third steps have samples; one is NaN.
            values: [
              [start + step, isP99 ? "0.05" : "3"],
              [start + 2 * step, "NaN"],
            ],
          },
        ],
      },
    },
  };
}

interface FakePrometheus {
  url: string;
  queries: string[];
  mode: "ok" | "refuse" | "unready";
  close(): Promise<void>;
}

async function startFakePrometheus(): Promise<FakePrometheus> {
  const fake: FakePrometheus = { url: "", queries: [], mode: "ok", close: async () => {} };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://prometheus.test");
    const query = url.searchParams.get("query") ?? "";
    fake.queries.push(query);
    let answer: Answer;
    if (fake.mode === "refuse")
      answer = { status: 400, body: { status: "error", errorType: "bad_data", error: "parse" } };
    else if (fake.mode === "unready") answer = { status: 503, body: "Service Unavailable" };
    else if (url.pathname === "/api/v1/query") answer = instantAnswer(query);
    else if (url.pathname === "/api/v1/query_range") answer = rangeAnswer(url.searchParams);
    else answer = { status: 404, body: { status: "error" } };
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

/** The BFF's configuration for these tests: no product service, the given auth and Prometheus. */
const configWith = (authUrl: string, prometheusUrl: string) =>
  readConfig({
    LOG_LEVEL: "silent",
    PRODUCT_URL: "http://127.0.0.1:9",
    AUTH_URL: authUrl,
    REDIS_URL: testRedisUrl,
    REDIS_PREFIX: testPrefix("bff-platform"),
    PROMETHEUS_URL: prometheusUrl,
  });

describe("platform overview mapping", () => {
  it("finds the last midnight in Seoul", () => {
    const at = Date.parse("2026-12-06T03:00:05Z") / 1000;
    assert.equal(koreanMidnight(at) * 1000, Date.parse("2026-12-05T15:00:00Z"));
    const justBefore = Date.parse("2026-12-05T14:59:59Z") / 1000;
    assert.equal(koreanMidnight(justBefore) * 1000, Date.parse("2026-12-04T15:00:00Z"));
  });

  it("turns NaN and infinities into null, never NaN", () => {
    assert.deepEqual([NaN, Infinity, -Infinity, undefined, 0, 1.5].map(measured), [
      null,
      null,
      null,
      null,
      0,
      1.5,
    ]);
  });

  it("lists the known parts in request-path order, then unknown ones", () => {
    const names = partNames(["zeta", "gateway"], ["alpha"]);
    assert.deepEqual(names.slice(0, 2), ["edge-proxy", "gateway"]);
    assert.deepEqual(names.slice(-2), ["alpha", "zeta"]);
  });

  it("puts range samples on the query's grid and leaves missing steps null", () => {
    const chart = toChart(
      [
        {
          labels: { service: "gateway" },
          points: [
            [130, 2],
            [160, NaN],
          ],
        },
        { labels: {}, points: [[100, 1]] },
      ],
      { start: 100, end: 190, stepSeconds: 30 },
      ["edge-proxy", "gateway"],
    );
    assert.deepEqual(chart.timestamps, [100, 130, 160, 190]);
    assert.deepEqual(chart.series, [{ part: "gateway", values: [null, 2, null, null] }]);
  });
});

describe("GET /api/admin/platform", () => {
  let app: App;
  let issuer: TestIssuer;
  let prometheus: FakePrometheus;
  const bearer = async (role: "admin" | "customer") => ({
    authorization: `Bearer ${await issuer.sign({ sub: crypto.randomUUID(), role })}`,
  });
  const get = async (headers: Record<string, string> = {}, query = "") =>
    app.inject({ method: "GET", url: `/api/admin/platform${query}`, headers });

  before(async () => {
    [issuer, prometheus] = await Promise.all([startTestIssuer(), startFakePrometheus()]);
    ({ app } = await buildApp(configWith(issuer.url, prometheus.url), { clock: () => NOW }));
  });
  after(async () => {
    await app.close();
    await Promise.all([issuer.close(), prometheus.close()]);
  });

  it("shapes Prometheus' answers into the overview for an admin", async () => {
    const res = await get(await bearer("admin"), "?range=15m");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers["cache-control"], "no-store");
    const overview = PlatformOverview.parse(res.json());
    assert.equal(overview.range, "15m");
    assert.equal(overview.stepSeconds, 10);
    const gateway = overview.parts.find((p) => p.part === "gateway");
    assert.deepEqual(gateway, {
      part: "gateway",
      up: true,
      requestRate: 12.5,
      p99Seconds: 0.042,
      errorRatio: 0.1,
      cacheHitRatio: 0.75,
    });
    const cart = overview.parts.find((p) => p.part === "cart");
    assert.deepEqual(cart, {
      part: "cart",
      up: false,
      requestRate: null,
      p99Seconds: null,
      errorRatio: null,
      cacheHitRatio: null,
    });
    // The BFF has no cache of its own: a stray series does not give it a hit ratio.
    assert.equal(overview.parts.find((p) => p.part === "bff")?.cacheHitRatio, null);
    assert.equal(overview.parts.find((p) => p.part === "edge-proxy")?.up, null);
    assert.equal(overview.parts.at(-1)?.part, "search", "an unknown part is listed last");
    assert.deepEqual(overview.today, {
      since: "2026-12-05T15:00:00.000Z",
      paidOrders: 3,
      revenueKrw: 87000,
      declinedPayments: 0,
    });
    const { requestRate, p99Seconds } = overview.charts;
    assert.equal(requestRate.timestamps.length, 91);
    assert.equal(requestRate.timestamps[0], Date.parse("2026-12-06T02:45:00Z") / 1000);
    assert.deepEqual(requestRate.series[0]?.values.slice(0, 4), [null, 3, null, null]);
    assert.deepEqual(p99Seconds.series[0]?.values.slice(0, 3), [null, 0.05, null]);
  });

  it("asks Prometheus for today's totals since midnight in Seoul and 5-minute rates", async () => {
    prometheus.queries.length = 0;
    await get(await bearer("admin"));
    const revenue = prometheus.queries.find((query) => query.includes("shop_revenue_krw_total"));
    // 12:00:05 in Seoul: 43205 s since midnight.
    assert.match(revenue ?? "", /\[43205s\]/);
    assert.ok(prometheus.queries.some((query) => query.includes("[5m]")));
    assert.equal(prometheus.queries.length, 11);
  });

  it("is for admins only", async () => {
    const anonymous = await get();
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().code, "AUTH_REQUIRED");
    const customer = await get(await bearer("customer"));
    assert.equal(customer.statusCode, 403);
    assert.match(String(customer.headers["content-type"]), /^application\/problem\+json/);
    assert.equal(customer.json().code, "FORBIDDEN");
  });

  it("refuses an unknown range with field errors", async () => {
    const res = await get(await bearer("admin"), "?range=7d");
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, "VALIDATION_FAILED");
  });

  it("answers 503 DEPENDENCY_UNAVAILABLE with Retry-After while Prometheus is not ready", async () => {
    prometheus.mode = "unready";
    try {
      const res = await get(await bearer("admin"));
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().code, "DEPENDENCY_UNAVAILABLE");
      assert.equal(res.headers["retry-after"], "15");
    } finally {
      prometheus.mode = "ok";
    }
  });

  it("answers a refused query as 502, never 500", async () => {
    prometheus.mode = "refuse";
    try {
      const res = await get(await bearer("admin"));
      assert.equal(res.statusCode, 502);
      assert.equal(res.json().code, "UPSTREAM_BAD_RESPONSE");
    } finally {
      prometheus.mode = "ok";
    }
  });
});

describe("GET /api/admin/platform without Prometheus", () => {
  it("answers 503 with Retry-After and no connection details", async () => {
    const issuer = await startTestIssuer();
    const { app } = await buildApp(
      // Nothing listens on port 9: every query is refused at once.
      configWith(issuer.url, "http://127.0.0.1:9"),
    );
    try {
      const token = await issuer.sign({ sub: crypto.randomUUID(), role: "admin" });
      const res = await app.inject({
        method: "GET",
        url: "/api/admin/platform",
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().code, "DEPENDENCY_UNAVAILABLE");
      assert.equal(res.headers["retry-after"], "15");
      assert.ok(!res.body.includes("ECONNREFUSED"));
    } finally {
      await app.close();
      await issuer.close();
    }
  });
});
