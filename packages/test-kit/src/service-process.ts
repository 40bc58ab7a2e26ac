/**
 * A real service of this repository run as a child process for another service's tests: started
 * from its own folder (`services/<name>/src/main.ts`), waited for until `GET /health/ready`
 * answers 200, stopped with SIGTERM. Nothing of the service is imported: it is only run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** `services/<name>` in this repository. */
export function serviceDir(name: string): string {
  return fileURLToPath(new URL(`../../../services/${name}/`, import.meta.url));
}

export interface ServiceProcessOptions {
  /** Folder name under services/. */
  name: string;
  /** Node `--import` hook that runs its TypeScript (`tsx`, or swc's for decorator metadata). */
  loader: string;
  env: Record<string, string>;
  url: string;
  readyTimeoutMs: number;
}

export interface ServiceProcess {
  /** Stops the process (SIGTERM, SIGKILL after 10 s); `start()` brings it back. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Starts the service and waits for readiness; a failed start throws with its last output. */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const dir = serviceDir(options.name);
  if (!existsSync(join(dir, "src/main.ts"))) {
    throw new Error(`no ${options.name} service at ${dir}`);
  }
  let child: ChildProcess | undefined;
  const handle: ServiceProcess = {
    async stop() {
      const running = child;
      child = undefined;
      await terminate(running);
    },
    async start() {
      child = await spawnUntilReady(dir, options);
    },
  };
  await handle.start();
  return handle;
}

async function spawnUntilReady(dir: string, options: ServiceProcessOptions): Promise<ChildProcess> {
  let output = "";
  const child = spawn(process.execPath, ["--import", options.loader, "src/main.ts"], {
    cwd: dir,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    const deadline = Date.now() + options.readyTimeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${options.name} service exited (${child.exitCode ?? child.signalCode})`);
      }
      if (await isReady(options.url)) return child;
      if (Date.now() > deadline) throw new Error(`not ready after ${options.readyTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await terminate(child);
    throw new Error(
      `the ${options.name} service did not start: ${(error as Error).message}\n${output}`,
      { cause: error },
    );
  }
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health/ready`)).ok;
  } catch {
    return false;
  }
}

async function terminate(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
