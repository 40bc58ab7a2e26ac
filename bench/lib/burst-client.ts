/** Runs load/burst.ts in its own process (the load never shares a process with the runner). */
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { BurstResult, BurstSpec } from "../load/burst.js";

export type { BurstResult, BurstSpec };

const script = join(import.meta.dirname, "..", "load", "burst.ts");

export function runBurst(spec: BurstSpec): Promise<BurstResult> {
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
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as BurstResult);
      else reject(new Error(`burst client failed (exit ${code}):\n${err || out}`));
    });
  });
}
