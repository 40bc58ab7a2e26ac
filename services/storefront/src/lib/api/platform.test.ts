import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  formatCount,
  formatRate,
  formatRatio,
  formatSeconds,
} from "../../components/admin/platform-format";
import { ApiError } from "./http";
import { getPlatformOverview } from "./platform";

const wire = {
  at: "2026-12-06T03:00:00.000Z",
  range: "1h",
  stepSeconds: 30,
  parts: [
    {
      part: "gateway",
      up: true,
      requestRate: 12.5,
      p99Seconds: 0.042,
      errorRatio: 0,
      cacheHitRatio: 0.75,
    },
    {
      part: "cart",
      up: null,
      requestRate: null,
      p99Seconds: null,
      errorRatio: null,
      cacheHitRatio: null,
    },
  ],
  today: {
    since: "2026-12-05T15:00:00.000Z",
    paidOrders: 3,
    revenueKrw: 87000,
    declinedPayments: 0,
  },
  charts: {
    requestRate: { timestamps: [1, 31], series: [{ part: "gateway", values: [null, 3] }] },
    p99Seconds: { timestamps: [1, 31], series: [] },
  },
};

const answering =
  (status: number, body: unknown) =>
  async (path: string): Promise<Response> => {
    assert.equal(path, "/api/admin/platform?range=1h");
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };

describe("platform overview", () => {
  it("parses the BFF's answer and labels parts in Korean", async () => {
    const overview = await getPlatformOverview(answering(200, wire), "1h");
    assert.equal(overview.parts[0]?.label, "게이트웨이");
    assert.equal(overview.parts[0]?.cached, true);
    assert.equal(overview.parts[1]?.cached, false);
    assert.deepEqual(overview.requestRate.lines, [
      { part: "gateway", label: "게이트웨이", values: [null, 3] },
    ]);
  });

  it("refuses an answer outside the contract with a 502", async () => {
    const broken = { ...wire, parts: [{ ...wire.parts[0], requestRate: "NaN" }] };
    await assert.rejects(
      getPlatformOverview(answering(200, broken), "1h"),
      (e: unknown) => e instanceof ApiError && e.status === 502,
    );
  });

  it("carries Prometheus being down as the BFF's 503", async () => {
    const problem = { status: 503, code: "DEPENDENCY_UNAVAILABLE", title: "x", detail: "down" };
    await assert.rejects(
      getPlatformOverview(answering(503, problem), "1h"),
      (e: unknown) => e instanceof ApiError && e.code === "DEPENDENCY_UNAVAILABLE",
    );
  });

  it("formats numbers in Korean and shows — for no data, never NaN", () => {
    assert.equal(formatRate(12.345), "12.35");
    assert.equal(formatRate(1234.5), "1,234.5");
    assert.equal(formatSeconds(0.0421), "42.1 ms");
    assert.equal(formatSeconds(1.5), "1.5 s");
    assert.equal(formatRatio(0.0123), "1.23%");
    assert.equal(formatCount(1234), "1,234건");
    for (const format of [formatRate, formatSeconds, formatRatio, formatCount])
      for (const value of [null, undefined, NaN, Infinity]) assert.equal(format(value), "—");
  });
});
