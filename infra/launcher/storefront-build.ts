/** Builds the storefront (next build) when its sources changed since the last build. */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { processAlive } from "./processes.js";
import { dataRoot, repoRoot } from "./stacks.js";
import type { Reporter } from "./report.js";

const folder = join(repoRoot, "services/storefront");
const stampFile = join(folder, ".next", "launcher-source-hash");
// next build itself writes next-env.d.ts and build info: they must not make the next start rebuild.
const skip = new Set([
  "node_modules",
  ".next",
  "test-results",
  "next-env.d.ts",
  "tsconfig.tsbuildinfo",
]);

function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      if (skip.has(entry)) continue;
      const full = join(dir, entry);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (!entry.endsWith(".test.ts"))
        hash.update(`${relative(folder, full)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  walk(folder);
  // The workspace packages the storefront bundles (contracts; platform's metrics and tracing).
  walk(join(repoRoot, "packages/contracts/src"));
  walk(join(repoRoot, "packages/platform/src"));
  const lock = join(repoRoot, "package-lock.json");
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest("hex");
}

/** Runs `next build` unless the last build used the same sources. Returns whether it built. */
export async function buildStorefrontIfNeeded(report: Reporter, force = false): Promise<boolean> {
  // Stacks started at the same time (dev and e2e, two e2e slots) share one build: take turns.
  const release = await acquireLock(join(dataRoot, "storefront-build.lock"), report);
  try {
    return await build(report, force);
  } finally {
    release();
  }
}

async function acquireLock(dir: string, report: Reporter): Promise<() => void> {
  mkdirSync(dataRoot, { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, "pid"), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch {
      const owner = Number(readFileSyncSafe(join(dir, "pid")));
      if (!owner || !processAlive(owner)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (waited === 0) report.step("storefront", `waiting for another build (pid ${owner}) …`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

async function build(report: Reporter, force: boolean): Promise<boolean> {
  const hash = sourceHash();
  const built = existsSync(join(folder, ".next", "BUILD_ID"));
  if (!force && built && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) {
    report.ok("storefront", "build is up to date");
    return false;
  }
  report.step("storefront", "building (next build, about a minute on 2 cores) …");
  const started = Date.now();
  const output: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn("next", ["build"], {
      cwd: folder,
      env: {
        ...process.env,
        PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env.PATH}`,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => output.push(chunk.toString("utf8"));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    report.fail("storefront", "next build failed:");
    report.raw(output.join("").split("\n").slice(-40).join("\n"));
    throw new Error("storefront build failed");
  }
  writeFileSync(stampFile, sourceHash());
  report.ok("storefront", `built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
