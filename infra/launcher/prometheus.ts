/**
 * The stack's Prometheus: Debian's `prometheus` binary scraping every part of the stack with a
 * configuration generated from the manifest (infra/observability), its TSDB and configuration in
 * the stack's data folder, on port 9090 + the stack's port offset. Without the binary the stack
 * runs without it, and the launcher says what to install.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Part } from "../parts.js";
import { PROMETHEUS_PORT, renderConfig, stackConfig } from "../observability/prometheus-config.js";
import { portInUse, startProcess, waitReady, type PartProcess } from "./processes.js";
import type { Reporter } from "./report.js";
import type { StackProfile } from "./stacks.js";

export interface RunningPrometheus {
  url: string;
  /** The page listing the alert rules and which fire. */
  alertsUrl: string;
  process: PartProcess;
  stop(): Promise<void>;
}

export const INSTALL_HINT =
  "Prometheus is not installed, so the stack runs without it: install Debian's package " +
  "(`apt-get install -y --no-install-recommends prometheus`; macOS: `brew install prometheus`) " +
  "or set PROMETHEUS_BIN, then start again";

export function prometheusPort(profile: StackProfile): number {
  return PROMETHEUS_PORT + profile.portOffset;
}

/** PROMETHEUS_BIN, then `prometheus` on PATH, then Debian's /usr/bin/prometheus. */
export function findPrometheus(): string | undefined {
  const configured = process.env.PROMETHEUS_BIN;
  if (configured) return existsSync(configured) ? configured : undefined;
  const found = spawnSync("sh", ["-c", "command -v prometheus"], { encoding: "utf8" });
  const path = found.status === 0 ? found.stdout.trim() : "";
  if (path) return path;
  return existsSync("/usr/bin/prometheus") ? "/usr/bin/prometheus" : undefined;
}

/**
 * Writes the stack's configuration (and the METRICS_TOKEN as a file only the owner reads) into
 * `<dataDir>/prometheus/` and starts Prometheus. Answers undefined, after saying why, when the
 * binary is missing, the port is taken or it does not become ready; the stack goes on without it.
 */
export async function startPrometheus(options: {
  profile: StackProfile;
  parts: Part[];
  dataDir: string;
  logDir: string;
  /** The stack's secrets: their METRICS_TOKEN is what Prometheus sends. */
  secrets: { METRICS_TOKEN?: string };
  report: Reporter;
}): Promise<RunningPrometheus | undefined> {
  const { profile, report } = options;
  const binary = findPrometheus();
  if (!binary) {
    report.fail("prometheus", INSTALL_HINT);
    return undefined;
  }
  const port = prometheusPort(profile);
  if (await portInUse(port)) {
    report.fail("prometheus", `port ${port} is already in use: the stack runs without Prometheus`);
    return undefined;
  }
  const home = join(options.dataDir, "prometheus");
  mkdirSync(join(home, "tsdb"), { recursive: true });
  let tokenFile: string | undefined;
  const token = options.secrets.METRICS_TOKEN;
  if (token) {
    tokenFile = join(home, "metrics-token");
    writeFileSync(tokenFile, token, { mode: 0o600 });
  }
  const configFile = join(home, "prometheus.yml");
  const config = stackConfig({ profile, parts: options.parts, tokenFile });
  writeFileSync(configFile, renderConfig(config, `the ${profile.name} stack, by the launcher`));

  const url = `http://127.0.0.1:${port}`;
  report.step("prometheus", `starting on :${port}`);
  const proc = startProcess({
    name: "prometheus",
    command: [
      binary,
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(home, "tsdb")}`,
      "--storage.tsdb.retention.time=2d",
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.external-url=${url}`,
      "--log.level=warn",
    ],
    cwd: home,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    logDir: options.logDir,
  });
  const outcome = await waitReady(`${url}/-/ready`, proc, 30_000);
  if (outcome !== "ready") {
    report.fail("prometheus", `did not start (${outcome}); the stack runs without it:`);
    report.raw(
      proc
        .tail(15)
        .map((l) => `    ${l}`)
        .join("\n"),
    );
    await proc.stop();
    return undefined;
  }
  report.ok("prometheus", `ready, scraping ${options.parts.length} parts`);
  return { url, alertsUrl: await alertsPage(url), process: proc, stop: () => proc.stop() };
}

/** Debian's build serves only the classic web UI (`/classic/alerts`); upstream's serves `/alerts`. */
async function alertsPage(url: string): Promise<string> {
  try {
    const res = await fetch(`${url}/alerts`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    if (res.ok) return `${url}/alerts`;
  } catch {
    // fall back to the classic page
  }
  return `${url}/classic/alerts`;
}
