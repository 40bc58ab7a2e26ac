/**
 * `npm start`: finds or starts PostgreSQL and Redis, prepares databases, builds the storefront when
 * needed, starts every part in dependency order, waits until each is ready and prints where to open
 * the shop. Ctrl-C stops everything; data is kept for the next start.
 *
 * Flags: --stack dev|e2e|bench, --only part,part, --logs (echo part logs), --logs-of <request or
 * trace id> (echo only that request's lines), --embedded-postgres, --own-redis,
 * --no-prometheus (skip the stack's Prometheus).
 */
import { parseArgs } from "node:util";
import type { PartName } from "../parts.js";
import { consoleReporter, partsTable } from "./report.js";
import { defaultSite } from "./databases.js";
import { startStack, type RunningStack } from "./stack.js";
import { stackProfiles, type StackProfile } from "./stacks.js";

const { values } = parseArgs({
  options: {
    stack: { type: "string", default: "dev" },
    only: { type: "string" },
    logs: { type: "boolean", default: false },
    "logs-of": { type: "string" },
    "embedded-postgres": { type: "boolean", default: false },
    "own-redis": { type: "boolean", default: false },
    "no-prometheus": { type: "boolean", default: false },
  },
});

const profile = stackProfiles[values.stack as StackProfile["name"]];
if (!profile) {
  console.error(`unknown stack '${values.stack}' (dev, e2e or bench)`);
  process.exit(2);
}
const report = consoleReporter();
let stack: RunningStack | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (stack) {
    report.step("platform", "stopping every part …");
    await stack.stop();
    report.ok("platform", "stopped");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  stack = await startStack({
    profile,
    report,
    only: values.only?.split(",").map((s) => s.trim()) as PartName[] | undefined,
    ownPostgres: values["embedded-postgres"] ? defaultSite("postgres") : undefined,
    ownRedis: values["own-redis"] ? defaultSite("redis") : undefined,
    echoLogs: values["logs-of"] ? { matching: values["logs-of"] } : values.logs,
    prometheus: !values["no-prometheus"],
  });
} catch (error) {
  report.fail("platform", (error as Error).message);
  process.exit(1);
}

const edge = stack.urls["edge-proxy"].replace("127.0.0.1", "localhost");
report.raw(
  "\n" +
    partsTable(stack.parts, stack.urls, [
      `admin login: ${stack.admin.email} / ${stack.admin.password}   (development only)`,
      `logs:        .data/${profile.name}/logs/<part>.log   (--logs echoes them; npm run logs -- <request id> finds one request's lines)`,
      stack.prometheus
        ? `prometheus:  ${stack.prometheus.url.replace("127.0.0.1", "localhost")}   alerts: ${stack.prometheus.alertsUrl.replace("127.0.0.1", "localhost")}   (docs/observability.md)`
        : values["no-prometheus"]
          ? "prometheus:  off (--no-prometheus)"
          : "prometheus:  not running (see the line above)",
      "",
      stack.parts.some((p) => p.name === "edge-proxy")
        ? `  ➜ open ${edge}`
        : "  (partial stack: no edge proxy)",
      "",
      "Ctrl-C stops every part; data is kept for the next start.",
    ]),
);

// A part that dies after start-up is reported with its last lines; the others keep running.
for (const [name, proc] of stack.processes) {
  proc.child.once("exit", (code, signal) => {
    if (stopping) return;
    report.fail(name, `exited (${signal ?? `code ${code}`}); last log lines:`);
    report.raw(
      proc
        .tail(20)
        .map((l) => `    ${l}`)
        .join("\n"),
    );
  });
}
