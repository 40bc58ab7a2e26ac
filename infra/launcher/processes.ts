/** Child processes of the launcher: one per part, in its own process group, logs to a file. */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createConnection } from "node:net";
import { join } from "node:path";

export interface PartProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** The last lines the part printed (stdout and stderr). */
  tail(lines?: number): string[];
  exited(): boolean;
  /** Sends `signal` to the part's whole process group (the chaos tests pause and kill parts). */
  signal(signal: NodeJS.Signals): void;
  stop(timeoutMs?: number): Promise<void>;
}

/** Starts `command` in `cwd` with `env`, output appended to `<logDir>/<name>.log`. */
export function startProcess(options: {
  name: string;
  command: string[];
  cwd: string;
  env: Record<string, string>;
  logDir: string;
  echo?: (line: string) => void;
}): PartProcess {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logFile, { flags: "a" });
  const recent: string[] = [];
  const [cmd, ...args] = options.command;
  if (!cmd) throw new Error(`${options.name}: empty command`);
  const child = spawn(cmd, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    // Own process group, so stopping kills the part and anything it spawned.
    detached: true,
  });
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 200) recent.shift();
      options.echo?.(line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exitedFlag = false;
  const exitPromise = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exitedFlag = true;
      log.end();
      resolve();
    }),
  );
  child.once("error", (error) => {
    recent.push(`failed to start: ${error.message}`);
  });

  return {
    name: options.name,
    child,
    logFile,
    tail: (lines = 25) => recent.slice(-lines),
    exited: () => exitedFlag,
    signal(signal) {
      if (!exitedFlag && child.pid !== undefined) signalGroup(child.pid, signal);
    },
    async stop(timeoutMs = 10_000) {
      if (exitedFlag || child.pid === undefined) return;
      signalGroup(child.pid, "SIGTERM");
      // A paused part must run again to hear the SIGTERM.
      signalGroup(child.pid, "SIGCONT");
      const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), timeoutMs);
      await exitPromise;
      clearTimeout(timer);
      // Anything the part left behind in its group goes too.
      signalGroup(child.pid, "SIGKILL");
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** True while a process with this id exists (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when something accepts connections on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Polls a readiness URL until it answers 2xx, the process exits, or the timeout passes. */
export async function waitReady(
  url: string,
  proc: PartProcess,
  timeoutMs: number,
): Promise<"ready" | "exited" | "timeout"> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exited()) return "exited";
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return "ready";
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return "timeout";
}
