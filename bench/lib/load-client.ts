/** Runs the scripted loads of load/ in their own process (the load never shares a process with the runner). */
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { BurstResult, BurstSpec } from "../load/burst.js";
import type { SequentialResult, SequentialSpec } from "../load/sequential.js";

export type { BurstResult, BurstSpec, SequentialResult, SequentialSpec };

function runScript<T>(name: string, spec: unknown): Promise<T> {
  const script = join(import.meta.dirname, "..", "load", name);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(spec)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as T);
      else reject(new Error(`${name} failed (exit ${code}):\n${err || out}`));
    });
  });
}

/** `count` requests at once, one connection each, all connected before any is written. */
export const runBurst = (spec: BurstSpec) => runScript<BurstResult>("burst.ts", spec);

/** `count` requests one after another on one keep-alive connection. */
export const runSequential = (spec: SequentialSpec) =>
  runScript<SequentialResult>("sequential.ts", spec);
