/**
 * `npm run bench`: starts the bench stack (launcher library, ports + 20000, Redis DB 2), starts
 * nginx, a bare upstream and a second gateway beside it, runs the five benchmarks of issue 5 (and
 * issue 4's /api/home latencies) and issue 9's instrumentation cost, writes bench/results/ and the
 * README section, and stops everything it started. Exit code 1 when a correctness check
 * (stampede, idempotency) or a suite failed; missed performance goals are reported, not fatal.
 *
 * Flags (after `npm run bench -w bench --`): --rounds 3, --seconds 5, --mix-seconds 60,
 * --only home,gateway,stampede,idempotency,hit-ratio,instrumentation (a partial run prints,
 * never records),
 * --render-only (rewrites latest.md and the README section from latest.json, measures nothing).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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
import { instrumentationSuite } from "./suites/instrumentation.js";
import { stampedeSuite } from "./suites/stampede.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "5" },
    "mix-seconds": { type: "string", default: "60" },
    only: { type: "string" },
    "render-only": { type: "boolean", default: false },
  },
});

if (values["render-only"]) {
  // Re-renders latest.md and the README from latest.json (after a change to the report or the
  // goals' wording); nothing is measured and no history line is added.
  const recorded = JSON.parse(
    readFileSync(join(repoRoot, "bench/results/latest.json"), "utf8"),
  ) as RunResult;
  await writeResults({ ...recorded, goals: evaluateGoals(recorded) }, repoRoot, { history: false });
  console.log(`re-rendered the run of ${recorded.at}`);
  process.exit(0);
}
const settings: Settings = {
  rounds: Number(values.rounds),
  seconds: Number(values.seconds),
  mixSeconds: Number(values["mix-seconds"]),
};
const only = new Set(values.only?.split(",").map((s) => s.trim()) ?? []);
/** Keys of the second gateway in the stack's Redis DB, deleted at the end. */
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

const progress = (message: string) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const workDir = mkdtempSync(join(tmpdir(), "shop-bench-"));
chmodSync(workDir, 0o755); // nginx workers (unprivileged when started as root) reach their cache below it
let stack: RunningStack | undefined;
let extras: Extras | undefined;
let starting = true;
let interrupted = false;
let cleaning: Promise<void> | undefined;

/** Stops everything this run started (once, however often it is called). */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    progress("stopping the baselines and the bench stack …");
    await extras?.stop().catch(() => undefined);
    await stopAllHelpers();
    if (stack) {
      await deleteKeys(stack.redisUrl, REDIS_PREFIX).catch(() => undefined);
      await stack.stop();
    }
    rmSync(workDir, { recursive: true, force: true });
  })();
  return cleaning;
}

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

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    // While the stack starts, its parts are not ours to stop yet: the main flow stops them
    // as soon as startStack hands them over.
    if (starting) return progress(`${signal}: stopping once the stack has started …`);
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
  if ((only.size && !only.has(name)) || interrupted) return undefined;
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
  stack = await startStack({ profile: stackProfiles.bench, report: consoleReporter() });
  if (!interrupted) extras = await startExtras(stack, workDir, REDIS_PREFIX);
  starting = false;
  if (interrupted) throw new Error("interrupted");
  const ctx: BenchContext = {
    stack,
    extra: extras!.urls,
    settings,
    workDir,
    redisPrefix: REDIS_PREFIX,
    notes,
    progress,
  };
  run.home = await suite("home", () => homePageSuite(ctx));
  run.gateway = await suite("gateway", () => gatewaySuite(ctx));
  run.stampede = await suite("stampede", () => stampedeSuite(ctx));
  run.idempotency = await suite("idempotency", () => idempotencySuite(ctx));
  run.hitRatio = await suite("hit-ratio", () => hitRatioSuite(ctx));
  run.instrumentation = await suite("instrumentation", () => instrumentationSuite(ctx));
  if (run.stampede && !run.stampede.passed) failed = true;
  if (run.idempotency && !run.idempotency.passed) failed = true;
} catch (error) {
  failed = true;
  progress(`✗ ${(error as Error).message}`);
} finally {
  starting = false;
  await cleanUp();
}

const measured =
  run.home || run.gateway || run.stampede || run.idempotency || run.hitRatio || run.instrumentation;
if (!interrupted && measured) {
  run.durationSeconds = (Date.now() - started) / 1000;
  const result: RunResult = { ...run, goals: evaluateGoals(run) };
  console.log("\nGoals:");
  for (const g of result.goals) {
    console.log(`  ${g.pass ? "✓" : "✗"} ${g.goal}: ${g.measured} (goal ${g.target})`);
  }
  if (only.size === 0) {
    const files = await writeResults(result, repoRoot);
    const names = files.map((f) => f.replace(`${repoRoot}/`, "")).join(", ");
    console.log(`\nWritten: ${names} (${Math.round(run.durationSeconds)} s)`);
  } else {
    console.log(`\n${renderMarkdown(result)}`);
  }
}
process.exit(failed || interrupted ? 1 : 0);
