/** Issue 9's goals are judged on the paired rounds, and a miss shows in the report, never hidden. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderMarkdown, renderReadmeSection } from "./report.js";
import {
  evaluateGoals,
  type Figure,
  type InstrumentedPair,
  type InstrumentationSuite,
  type RunResult,
} from "./results.js";

const fig = (roundsRps: number[]): Figure => {
  const sorted = [...roundsRps].sort((a, b) => a - b);
  const rps = sorted[Math.floor(sorted.length / 2)]!;
  return {
    rps,
    p50Ms: 1,
    p99Ms: 4,
    requests: rps * 5,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    roundsRps,
  };
};

const pair = (on: number[], off: number[]): InstrumentedPair => ({
  on: fig(on),
  off: fig(off),
  observed: { on: 123_456, off: 0 },
  scrape: { ms: 3.2, bytes: 9000 },
  cpuUsPerRequest: { on: on.map(() => 52), off: off.map(() => 50) },
});

function run(instrumentation: InstrumentationSuite): Omit<RunResult, "goals"> {
  return {
    at: "2026-01-01T00:00:00.000Z",
    durationSeconds: 150,
    machine: { cores: 2, cpu: "test cpu", loadAverage: [1, 1, 1] },
    settings: { rounds: 2, seconds: 5, mixSeconds: 60 },
    instrumentation,
    notes: [],
  };
}

const suite = (edge: InstrumentedPair, gateway: InstrumentedPair): InstrumentationSuite => ({
  connections: 100,
  rounds: 4,
  pageBytes: 30_000,
  edgeHit: edge,
  passThrough: gateway,
});

test("costs within 5 % (edge) and 10 % (gateway) pass", () => {
  const goals = evaluateGoals(
    run(
      suite(
        pair([9800, 9700, 9900, 9600], [10_000, 10_000, 10_000, 10_000]),
        pair([4600, 4700, 4500, 4650], [5000, 5000, 5000, 5000]),
      ),
    ),
  );
  const byId = Object.fromEntries(goals.map((g) => [g.id, g]));
  assert.equal(byId["instrumentation-edge-hit"]?.pass, true);
  assert.equal(byId["instrumentation-edge-hit"]?.target, "≤ 5 %");
  assert.match(
    byId["instrumentation-edge-hit"]!.measured,
    /^2\.5 % \(median of the per-round pairs/,
  );
  assert.equal(byId["instrumentation-gateway-pass"]?.pass, true);
  assert.equal(byId["instrumentation-gateway-pass"]?.target, "≤ 10 %");
});

test("a cost over the goal fails, and so does a figure that cannot be judged", () => {
  const goals = evaluateGoals(
    run(suite(pair([9000, 9400], [10_000, 10_000]), pair([5000, 5000], [0, 0]))),
  );
  const byId = Object.fromEntries(goals.map((g) => [g.id, g]));
  assert.equal(byId["instrumentation-edge-hit"]?.pass, false);
  assert.match(byId["instrumentation-edge-hit"]!.measured, /^8 %/);
  assert.equal(byId["instrumentation-gateway-pass"]?.pass, false);
});

test("drift between rounds does not turn into a cost: the pairs are judged", () => {
  // "on" is 1 % slower in each pair, but the machine halves its speed over the run.
  const off = [10_000, 8000, 6000, 5000];
  const goals = evaluateGoals(
    run(
      suite(
        pair(
          off.map((x) => x * 0.99),
          off,
        ),
        pair([5000], [5000]),
      ),
    ),
  );
  assert.equal(goals.find((g) => g.id === "instrumentation-edge-hit")?.pass, true);
  assert.match(goals[0]!.measured, /^1 %/);
});

test("the report has the instrumentation section, its rows and a visible FAIL", () => {
  const r = run(suite(pair([9000, 9000], [10_000, 10_000]), pair([4800, 4800], [5000, 5000])));
  const md = renderMarkdown({ ...r, goals: evaluateGoals(r) });
  assert.match(md, /## 6\. Instrumentation cost \(METRICS on vs off\)/);
  assert.match(md, /edge-proxy HIT `\/`, gzip, METRICS=true \| 9000 /);
  assert.match(md, /gateway pass-through \(guest token \+ rate limit\), METRICS=false \| 5000 /);
  assert.match(md, /requests observed 123456 on \/ 0 off/);
  assert.match(md, /CPU per request 52 µs on vs 50 µs off, 4 %/);
  assert.match(md, /Instrumentation cost on the edge HIT.*\| \*\*FAIL\*\* \|/);
  assert.match(md, /Instrumentation cost on the gateway pass-through.*\| pass \|/);
  assert.match(renderReadmeSection({ ...r, goals: evaluateGoals(r) }), /METRICS=false/);
});
