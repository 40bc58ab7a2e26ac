/** The instrumentation benchmark's order of rounds, overhead arithmetic and scrape reading. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  costIncrease,
  median,
  roundOrder,
  signedPct,
  sumSamples,
  throughputOverhead,
} from "./overhead.js";

test("rounds alternate on→off and off→on, so each variant goes first as often", () => {
  const orders = [1, 2, 3, 4].map(roundOrder);
  assert.deepEqual(orders, [
    ["on", "off"],
    ["off", "on"],
    ["on", "off"],
    ["off", "on"],
  ]);
  const firsts = orders.map((o) => o[0]);
  assert.equal(firsts.filter((v) => v === "on").length, firsts.filter((v) => v === "off").length);
  assert.throws(() => roundOrder(0));
  assert.throws(() => roundOrder(1.5));
});

test("median of odd and even counts, ignoring NaN", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([NaN, 5]), 5);
  assert.ok(Number.isNaN(median([])));
});

test("overhead is the share of the uninstrumented throughput lost, per round and overall", () => {
  const o = throughputOverhead([95, 90, 100], [100, 100, 100]);
  assert.deepEqual(
    o.perRound.map((x) => Math.round(x * 1000) / 1000),
    [0.05, 0.1, 0],
  );
  assert.equal(Math.round(o.median * 1000) / 1000, 0.05);
  assert.equal(Math.round(o.ofMedians * 1000) / 1000, 0.05);
});

test("paired rounds cancel drift that the medians of each variant do not", () => {
  // The machine slows down round after round; "on" costs exactly 2 % in every pair.
  const off = [1000, 800, 600, 400];
  const on = off.map((x) => x * 0.98);
  const o = throughputOverhead(on, off);
  assert.ok(o.perRound.every((x) => Math.abs(x - 0.02) < 1e-9));
  assert.ok(Math.abs(o.median - 0.02) < 1e-9);
});

test("a faster instrumented variant is a negative overhead; a missing round is an error", () => {
  assert.ok(throughputOverhead([105], [100]).median < 0);
  assert.ok(Number.isNaN(throughputOverhead([100], [0]).median));
  assert.throws(() => throughputOverhead([1, 2], [1]));
  assert.throws(() => throughputOverhead([], []));
});

test("a cost per request grows by on/off − 1, judged on the paired rounds", () => {
  const o = costIncrease([104, 110, 100], [100, 100, 100]);
  assert.deepEqual(
    o.perRound.map((x) => Math.round(x * 1000) / 1000),
    [0.04, 0.1, 0],
  );
  assert.equal(Math.round(o.median * 1000) / 1000, 0.04);
  assert.ok(costIncrease([90], [100]).median < 0);
  assert.ok(Number.isNaN(costIncrease([5], [0]).median));
  assert.throws(() => costIncrease([1], []));
});

test("signed percentages keep one decimal and never print -0", () => {
  assert.equal(signedPct(0.0312), "3.1 %");
  assert.equal(signedPct(-0.0044), "-0.4 %");
  assert.equal(signedPct(-0.0001), "0 %");
  assert.equal(signedPct(NaN), "–");
});

test("sums a metric's samples over every label set, skipping longer names and comments", () => {
  const text = [
    "# HELP http_server_request_duration_seconds Time …",
    "# TYPE http_server_request_duration_seconds histogram",
    'http_server_request_duration_seconds_bucket{le="0.001",route="/"} 7',
    'http_server_request_duration_seconds_count{method="GET",route="/",status_class="2xx",service="edge-proxy"} 1200',
    'http_server_request_duration_seconds_count{method="GET",route="a}b",status_class="4xx"} 3',
    "http_server_request_duration_seconds_count 5 1700000000000",
    'http_server_request_duration_seconds_count_extra{x="1"} 100',
  ].join("\n");
  assert.equal(sumSamples(text, "http_server_request_duration_seconds_count"), 1208);
  assert.equal(sumSamples("", "anything"), 0);
});
