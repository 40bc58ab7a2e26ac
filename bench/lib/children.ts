/**
 * Helper processes the benchmark starts beside the stack (the bare upstream, a second gateway):
 * each in its own process group with its output in a log file, stopped as a group, so nothing the
 * run started outlives it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { portInUse } from "../../infra/launcher/processes.js";

export interface Helper {
  name: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

const running = new Set<Helper>();

/** Starts `command` detached (its own process group), stdout and stderr appended to `<logDir>/<name>.log`. */
export function startHelper(options: {
  name: string;
  command: string[];
  cwd: string;
  env: Record<string, string>;
  logDir: string;
}): Helper {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logFile, { flags: "a" });
  const [cmd, ...args] = options.command;
  if (!cmd) throw new Error(`${options.name}: empty command`);
  const child = spawn(cmd, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const helper: Helper = {
    name: options.name,
    child,
    logFile,
    async stop() {
      running.delete(helper);
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), 8_000);
      await exited;
      clearTimeout(timer);
      signalGroup(child.pid, "SIGKILL");
    },
  };
  running.add(helper);
  return helper;
}

/** Stops every helper still running (used on errors and Ctrl-C). */
export async function stopAllHelpers(): Promise<void> {
  await Promise.all([...running].map((h) => h.stop()));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** The last lines of a helper's log, for error messages. */
export function tailLog(helper: Helper, lines = 15): string {
  try {
    return readFileSync(helper.logFile, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Waits until 127.0.0.1:port accepts connections; `dead()` stops the wait early. */
export async function waitForPort(
  port: number,
  timeoutMs: number,
  dead = () => false,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead()) throw new Error(`the process behind :${port} exited`);
    if (await portInUse(port)) return;
    await sleep(100);
  }
  throw new Error(`nothing listens on :${port} after ${timeoutMs} ms`);
}

/** Waits until `url` answers 2xx. */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  options: { headers?: Record<string, string>; dead?: () => boolean } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (options.dead?.()) throw new Error(`the process behind ${url} exited`);
    try {
      const res = await fetch(url, {
        headers: options.headers,
        signal: AbortSignal.timeout(2_000),
      });
      await res.arrayBuffer();
      if (res.ok) return;
      last = `status ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 2xx within ${timeoutMs} ms (${last})`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** True when something accepts connections on 127.0.0.1:port (the launcher's probe). */
export { portInUse as portOpen };
