/**
 * Every check `npm test` runs, in order: lint, format, types, each workspace's unit and integration
 * tests (real PostgreSQL and Redis, found or started like `npm start` does), the deployment file
 * checks, then the end-to-end suite against a whole stack. Prints a summary; fails if any step failed.
 *
 * Flags: --skip-e2e, --only <step-name-substring>.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ensurePostgres, ensureRedis } from "../launcher/databases.js";
import { consoleReporter } from "../launcher/report.js";
import { repoRoot } from "../launcher/stacks.js";

const { values } = parseArgs({
  options: { "skip-e2e": { type: "boolean", default: false }, only: { type: "string" } },
});
const report = consoleReporter();

interface Step {
  name: string;
  command: string[];
  cwd?: string;
  env?: Record<string, string>;
}

function workspaces(): Array<{ path: string; scripts: Record<string, string> }> {
  const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
    workspaces: string[];
  };
  const list: Array<{ path: string; scripts: Record<string, string> }> = [];
  for (const pattern of root.workspaces) {
    const dirs = pattern.endsWith("/*")
      ? readdir(join(repoRoot, pattern.slice(0, -2))).map((d) => `${pattern.slice(0, -2)}/${d}`)
      : [pattern];
    for (const dir of dirs) {
      try {
        const pkg = JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")) as {
          scripts?: Record<string, string>;
        };
        list.push({ path: dir, scripts: pkg.scripts ?? {} });
      } catch {
        // not a package
      }
    }
  }
  return list;
}

function readdir(path: string): string[] {
  return readdirSync(path).sort();
}

function run(step: Step): Promise<{ code: number; seconds: number }> {
  const started = Date.now();
  report.step("test", `${step.name}: ${step.command.join(" ")}`);
  return new Promise((resolve) => {
    const [cmd, ...args] = step.command;
    const child = spawn(cmd!, args, {
      cwd: step.cwd ?? repoRoot,
      stdio: "inherit",
      env: {
        ...process.env,
        PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env.PATH}`,
        ...step.env,
      },
    });
    child.on("exit", (code) =>
      resolve({ code: code ?? 1, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

const postgres = await ensurePostgres(report);
const redis = await ensureRedis(report);
const testEnv = {
  TEST_POSTGRES_URL: postgres.url,
  TEST_REDIS_URL: `${redis.url}/15`,
  NEXT_TELEMETRY_DISABLED: "1",
};

const ws = workspaces();
const steps: Step[] = [
  { name: "lint", command: ["eslint", "."] },
  { name: "format", command: ["prettier", "--check", "--log-level=warn", "."] },
  { name: "types:infra", command: ["tsc", "-p", "infra/tsconfig.json"] },
  ...ws
    .filter((w) => w.scripts.typecheck)
    .map((w) => ({
      name: `types:${w.path}`,
      command: ["npm", "run", "typecheck", "--silent"],
      cwd: join(repoRoot, w.path),
    })),
  {
    name: "infra",
    command: [
      "node",
      "--import",
      "tsx",
      "--test",
      "infra/compose.test.ts",
      "infra/readme.test.ts",
      "infra/docs.test.ts",
      "infra/parts.test.ts",
      "infra/config-vars.test.ts",
      "infra/launcher/tracing.test.ts",
      "infra/launcher/request-logs.test.ts",
      "infra/observability/observability.test.ts",
      "infra/observability/promtool.test.ts",
    ],
  },
  ...ws
    .filter((w) => w.scripts.test)
    .map((w) => ({
      name: `test:${w.path}`,
      command: ["npm", "test", "--silent"],
      cwd: join(repoRoot, w.path),
      env: testEnv,
    })),
  ...(values["skip-e2e"]
    ? []
    : [
        {
          name: "e2e",
          command: ["npm", "run", "test:e2e", "--silent"],
          cwd: join(repoRoot, "e2e"),
          env: testEnv,
        },
        // Its own stack with its own PostgreSQL and Redis, which it pauses, kills and restarts.
        {
          name: "e2e:chaos",
          command: ["npm", "run", "test:chaos", "--silent"],
          cwd: join(repoRoot, "e2e"),
          env: testEnv,
        },
      ]),
].filter((s) => !values.only || s.name.includes(values.only));

const results: Array<{ name: string; code: number; seconds: number }> = [];
for (const step of steps) results.push({ name: step.name, ...(await run(step)) });
await redis.stop();
await postgres.stop();

const failed = results.filter((r) => r.code !== 0);
report.raw("\nsummary");
for (const r of results)
  report.raw(
    `  ${r.code === 0 ? "✓" : "✗"} ${r.name.padEnd(32)} ${r.seconds.toFixed(1).padStart(6)} s`,
  );
const total = results.reduce((s, r) => s + r.seconds, 0);
report.raw(
  `\n${results.length - failed.length}/${results.length} steps passed in ${total.toFixed(0)} s`,
);
process.exit(failed.length ? 1 : 0);
