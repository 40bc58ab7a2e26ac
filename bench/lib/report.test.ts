/** Goals are judged on the right figures, and the README section is replaced in place, never duplicated. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  END_MARKER,
  START_MARKER,
  renderMarkdown,
  renderReadmeSection,
  spliceSection,
} from "./report.js";
import { evaluateGoals, type Figure, type RunResult } from "./results.js";

const fig = (rps: number, p99Ms = 5): Figure => ({
  rps,
  p50Ms: 1,
  p99Ms,
  requests: rps * 5,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  roundsRps: [rps, rps, rps],
});

function run(): Omit<RunResult, "goals"> {
  return {
    at: "2026-01-01T00:00:00.000Z",
    durationSeconds: 500,
    machine: { cores: 2, cpu: "test cpu", loadAverage: [1, 1, 1] },
    settings: { rounds: 3, seconds: 5, mixSeconds: 60 },
    home: {
      pageBytes: { edge: 46_000, nginx: 45_000, storefront: 45_000, identity: 300_000 },
      storefrontCapacity: fig(20),
      levels: [
        {
          connections: 100,
          encoding: "gzip",
          edge: fig(9_000, 12),
          nginx: fig(10_000),
          storefront: fig(0),
        },
        {
          connections: 1000,
          encoding: "gzip",
          edge: fig(7_000),
          nginx: fig(10_000),
          storefront: fig(0),
        },
        { connections: 100, encoding: "identity", edge: fig(1), nginx: fig(10_000) },
      ],
    },
    gateway: {
      homeBytes: 17_000,
      rateLimitHeader: '"r";r=1;t=1',
      bare: fig(20_000),
      nginx: fig(10_000),
      minimalProxy: fig(6_000),
      passThrough: fig(8_000),
      bareHome: fig(20_000),
      cachedHit: fig(14_000),
      homeLatency: { cached: fig(9_000), uncached: fig(30) },
    },
    notes: [],
  };
}

test("throughput goals use ratios to nginx and to the storefront's best, p99 only at 100 connections", () => {
  const goals = Object.fromEntries(evaluateGoals(run()).map((g) => [g.id, g]));
  assert.equal(goals["home-vs-nginx-c100"]?.pass, true, "9000 / 10000 = 90 %");
  assert.equal(goals["home-vs-nginx-c1000"]?.pass, false, "7000 / 10000 = 70 %");
  assert.equal(
    goals["home-vs-storefront-c100"]?.pass,
    true,
    "against its 20 req/s capacity, not its 0",
  );
  assert.match(goals["home-vs-storefront-c100"]!.measured, /450×/);
  assert.equal(goals["home-p99-c100"]?.pass, false, "12 ms > 10 ms");
  assert.equal(goals["home-p99-c1000"], undefined);
  assert.equal(goals["gateway-pass-vs-nginx"]?.pass, true, "8000 / 10000 = 80 %");
  assert.equal(goals["gateway-hit-vs-bare"]?.pass, false, "14000 / 20000 = 70 %");
  assert.ok(
    !Object.keys(goals).some((id) => id.includes("identity")),
    "identity level is informational",
  );
});

test("correctness goals follow the suites' verdicts", () => {
  const r = run();
  r.stampede = { passed: false, rounds: [] };
  r.idempotency = { passed: true, rounds: [] };
  const goals = Object.fromEntries(evaluateGoals(r).map((g) => [g.id, g.pass]));
  assert.equal(goals["stampede-one-render"], false);
  assert.equal(goals["idempotency-one-execution"], true);
});

test("the README section is appended once, then replaced between its markers", () => {
  const readme = "# Shop\n\nIntro.\n";
  const first = spliceSection(readme, `${START_MARKER}\nold\n${END_MARKER}`);
  assert.equal(first, `# Shop\n\nIntro.\n\n${START_MARKER}\nold\n${END_MARKER}\n`);
  const second = spliceSection(`${first}\n## After\n`, `${START_MARKER}\nnew\n${END_MARKER}`);
  assert.equal(second.split(START_MARKER).length, 2);
  assert.ok(second.includes("new") && !second.includes("old"));
  assert.ok(second.endsWith("## After\n"), "text after the section is kept");
});

test("the markdown names every section measured and each goal's verdict", () => {
  const r = run();
  const md = renderMarkdown({ ...r, goals: evaluateGoals(r) });
  assert.match(md, /## 1\. Home page/);
  assert.match(md, /## 2\. Gateway/);
  assert.match(md, /\*\*FAIL\*\*/);
  assert.match(md, /storefront directly, 10 conn\., gzip \(its capacity\) \| 20 \|/);
  assert.ok(!md.includes("## 3. Stampede"), "suites that did not run are left out");
  const section = renderReadmeSection({ ...r, goals: evaluateGoals(r) });
  assert.ok(section.startsWith(START_MARKER) && section.endsWith(END_MARKER));
});
