#!/usr/bin/env node
// Runs every *.test.ts under a folder with node:test (Node 20's --test takes no globs).
// Usage: run-tests <dir|file>... [--swc]   --swc loads @swc-node/register for decorator metadata (NestJS).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const targets = args.filter((a) => !a.startsWith("--"));
if (targets.length === 0) targets.push("src");
const loader = args.includes("--swc") ? "@swc-node/register/esm-register" : "tsx";

function collect(path, out) {
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const full = join(path, entry);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (/\.test\.tsx?$/.test(entry)) out.push(full);
  }
  return out;
}

const files = targets
  .flatMap((target) => (statSync(target).isDirectory() ? collect(target, []) : [target]))
  .sort();
if (files.length === 0) {
  console.log(`run-tests: no test files under ${targets.join(", ")}`);
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  ["--import", loader, "--test", "--test-reporter=spec", "--test-concurrency=1", ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
