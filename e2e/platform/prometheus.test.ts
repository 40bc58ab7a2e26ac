// Issue 9: the stack's Prometheus scrapes every part and evaluates the shipped rules cleanly.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { parse } from "yaml";
import { INSTALL_HINT } from "../../infra/launcher/prometheus.js";
import { rulesDir } from "../../infra/observability/prometheus-config.js";
import { parts } from "../../infra/parts.js";
import { stack } from "../harness.js";

const { urls, prometheusUrl } = stack();
const jobs = parts.map((p) => p.name).sort();

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}
interface Target {
  labels: { job: string };
  health: string;
  lastError: string;
}
interface Rule {
  name: string;
  health: "ok" | "err" | "unknown";
  lastError?: string;
  lastEvaluation: string;
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${prometheusUrl}${path}`, { signal: AbortSignal.timeout(5_000) });
  const body = (await res.json()) as { status: string; data: T; error?: string };
  assert.equal(body.status, "success", `${path}: ${body.error ?? res.status}`);
  return body.data;
}

const query = (promql: string) =>
  api<{ result: Sample[] }>(`/api/v1/query?query=${encodeURIComponent(promql)}`).then(
    (data) => data.result,
  );

/** Polls `check` until it answers true, failing with its last explanation after `timeoutMs`. */
async function eventually(
  check: () => Promise<true | string>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "never checked";
  while (Date.now() < deadline) {
    const outcome = await check().catch((error: Error) => {
      if (error instanceof assert.AssertionError) throw error;
      return error.message;
    });
    if (outcome === true) return;
    last = outcome;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`${what} within ${timeoutMs / 1000} s: ${last}`);
}

before(async () => {
  assert.ok(prometheusUrl, `the e2e stack has no Prometheus. ${INSTALL_HINT}`);
  // Every part serves at least one request of its own before the scrapes we wait for.
  await Promise.all(
    parts.map((p) => fetch(`${urls[p.name]}/health`).then((res) => res.arrayBuffer())),
  );
});

test("every part is a scrape target that is up and reports http_server_request_duration_seconds", async () => {
  await eventually(
    async () => {
      const targets = await api<{ activeTargets: Target[] }>("/api/v1/targets?state=active");
      const down = targets.activeTargets
        .filter((t) => t.health !== "up")
        .map((t) => `${t.labels.job} (${t.health}${t.lastError ? `: ${t.lastError}` : ""})`);
      const up = (await query("up == 1")).map((s) => s.metric.job ?? "").sort();
      if (up.join() !== jobs.join()) return `not up: ${down.join(", ") || "no scrape yet"}`;
      const reporting = (
        await query("count by (job) (http_server_request_duration_seconds_count)")
      ).map((s) => s.metric.job ?? "");
      // The storefront's pages are timed where they are served, at the edge (its /metrics has
      // its process metrics); every other part times its own routes.
      const silent = jobs.filter((job) => job !== "storefront" && !reporting.includes(job));
      return silent.length ? `no http_server_request_duration_seconds from ${silent}` : true;
    },
    60_000,
    "every part up with request metrics",
  );
});

test("every part labels its series with its own name (service = job)", async () => {
  const pairs = await query("count by (job, service) (http_server_request_duration_seconds_count)");
  assert.ok(pairs.length > 0);
  for (const sample of pairs)
    assert.equal(sample.metric.service, sample.metric.job, JSON.stringify(sample.metric));
});

function shippedRuleCount(): number {
  let count = 0;
  for (const file of readdirSync(rulesDir).filter((f) => f.endsWith(".rules.yml"))) {
    const doc = parse(readFileSync(join(rulesDir, file), "utf8")) as {
      groups: Array<{ rules: unknown[] }>;
    };
    for (const group of doc.groups) count += group.rules.length;
  }
  return count;
}

test("every shipped rule is loaded and evaluates without errors", async () => {
  const expected = shippedRuleCount();
  await eventually(
    async () => {
      const { groups } = await api<{ groups: Array<{ name: string; rules: Rule[] }> }>(
        "/api/v1/rules",
      );
      const rules = groups.flatMap((g) => g.rules);
      if (rules.length !== expected) return `${rules.length} rules loaded, ${expected} shipped`;
      const failing = rules.filter((r) => r.health === "err");
      assert.deepEqual(
        failing.map((r) => `${r.name}: ${r.lastError}`),
        [],
        "rules evaluate without errors",
      );
      const pending = rules.filter((r) => r.health !== "ok").map((r) => r.name);
      return pending.length ? `not evaluated yet: ${pending.join(", ")}` : true;
    },
    60_000,
    "every rule evaluated",
  );
});
