/**
 * `npm run bench`: starts the bench stack (launcher library, ports + 20000, Redis DB 2), starts
 * nginx, a bare upstream and a second gateway beside it, runs the five benchmarks of issue 5 (and
 * issue 4's /api/home latencies), writes bench/results/ and the README section, and stops
 * everything it started. Exit code 1 when a correctness check (stampede, idempotency) or a
 * suite failed; missed performance goals are reported, not fatal.
 *
 * Flags: --rounds 3, --seconds 5, --mix-seconds 60, --only home,gateway,stampede,idempotency,hit-ratio
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { consoleReporter } from "../infra/launcher/report.js";
import { startStack, type RunningStack } from "../infra/launcher/stack.js";
import { repoRoot, stackProfiles } from "../infra/launcher/stacks.js";
import { stopAllHelpers } from "./lib/children.js";
import type { BenchContext, Settings } from "./lib/context.js";
import { startExtras, type Extras } from "./lib/extras.js";
import { describeMachine } from "./lib/machine.js";
import { renderMarkdown, writeResults } from "./lib/report.js";
import { evaluateGoals, type RunResult } from "./lib/results.js";
import { gatewaySuite } from "./suites/gateway.js";
import { hitRatioSuite } from "./suites/hit-ratio.js";
import { homePageSuite } from "./suites/home-page.js";
import { idempotencySuite } from "./suites/idempotency.js";
import { stampedeSuite } from "./suites/stampede.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "5" },
    "mix-seconds": { type: "string", default: "60" },
    only: { type: "string" },
  },
});
const settings: Settings = {
  rounds: Number(values.rounds),
  seconds: Number(values.seconds),
  mixSeconds: Number(values["mix-seconds"]),
};
const only = new Set(values.only?.split(",").map((s) => s.trim()) ?? []);
const wanted = (suite: string) => only.size === 0 || only.has(suite);
const REDIS_PREFIX = "bench-extra:";

const missing = ["wrk", "nginx"].filter(
  (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status !== 0,
);
if (missing.length) {
  console.error(
    `✗ ${missing.join(" and ")} not installed. The benchmarks need them (Debian): apt-get install nginx wrk`,
  );
  process.exit(1);
}

const report = consoleReporter();
const progress = (message: string) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const workDir = mkdtempSync(join(tmpdir(), "shop-bench-"));
chmodSync(workDir, 0o755); // nginx workers (unprivileged when started as root) reach their cache below it
let stack: RunningStack | undefined;
let extras: Extras | undefined;

async function cleanUp(): Promise<void> {
  await extras?.stop().catch(() => undefined);
  await stopAllHelpers();
  if (stack) {
    await deleteKeys(stack.redisUrl, REDIS_PREFIX).catch(() => undefined);
    await stack.stop();
  }
  rmSync(workDir, { recursive: true, force: true });
}

/** The second gateway's keys (rate-limit windows, idempotency records) are removed from DB 2. */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    progress(`${signal}: stopping everything the benchmark started …`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const started = Date.now();
const machine = describeMachine();
const notes: string[] = [];
let failed = false;
const run: Omit<RunResult, "goals"> = {
  at: machine.date,
  durationSeconds: 0,
  machine,
  settings,
  notes,
};

async function suite<T>(name: string, body: () => Promise<T>): Promise<T | undefined> {
  if (!wanted(name) || interrupted) return undefined;
  progress(`— ${name} —`);
  try {
    return await body();
  } catch (error) {
    failed = true;
    notes.push(`The ${name} benchmark failed: ${(error as Error).message.split("\n")[0]}`);
    progress(`✗ ${name} failed: ${(error as Error).stack ?? error}`);
    return undefined;
  }
}

try {
  progress(
    `bench: ${settings.rounds} rounds × ${settings.seconds} s per figure; machine load ${machine.loadAverage.join(" / ")}`,
  );
  stack = await startStack({ profile: stackProfiles.bench, report });
  extras = await startExtras(stack, workDir, REDIS_PREFIX);
  const ctx: BenchContext = { stack, extra: extras.urls, settings, workDir, notes, progress };
  run.home = await suite("home", () => homePageSuite(ctx));
  run.gateway = await suite("gateway", () => gatewaySuite(ctx));
  run.stampede = await suite("stampede", () => stampedeSuite(ctx));
  run.idempotency = await suite("idempotency", () => idempotencySuite(ctx));
  run.hitRatio = await suite("hit-ratio", () => hitRatioSuite(ctx));
  if (run.stampede && !run.stampede.passed) failed = true;
  if (run.idempotency && !run.idempotency.passed) failed = true;
} catch (error) {
  failed = true;
  progress(`✗ ${(error as Error).message}`);
} finally {
  if (!interrupted) {
    progress("stopping the bench stack and the baselines …");
    await cleanUp();
  }
}

if (!interrupted && (run.home || run.gateway || run.stampede || run.idempotency || run.hitRatio)) {
  run.durationSeconds = (Date.now() - started) / 1000;
  const result: RunResult = { ...run, goals: evaluateGoals(run) };
  console.log("\nGoals:");
  for (const g of result.goals)
    console.log(`  ${g.pass ? "✓" : "✗"} ${g.goal}: ${g.measured} (goal ${g.target})`);
  if (only.size === 0) {
    const files = await writeResults(result, repoRoot);
    console.log(
      `\nWritten: ${files.map((f) => f.replace(`${repoRoot}/`, "")).join(", ")} (${Math.round(run.durationSeconds)} s)`,
    );
  } else {
    // A partial run (--only) never replaces the recorded results.
    console.log(`\n${renderMarkdown(result)}`);
  }
}
process.exit(failed || interrupted ? 1 : 0);
