#!/usr/bin/env node
// `npm start` entry: plain Node with no dependencies, so it runs on a fresh clone. It installs the
// workspace dependencies when they are missing or stale, then hands over to the TypeScript launcher.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `Node.js ${process.versions.node} is too old: install Node.js 20.19 or newer (22 LTS works too).`,
  );
  process.exit(1);
}

export function dependenciesStale() {
  const marker = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(marker)) return true;
  const lock = join(root, "package-lock.json");
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
}

export function installDependencies() {
  console.log("▸ installing dependencies (npm ci) — the first run takes a minute or two …");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error("✗ npm ci failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (dependenciesStale()) installDependencies();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(root, "infra/launcher/main.ts"), ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  // Ctrl-C reaches the launcher through the terminal's process group; SIGTERM sent to us alone is forwarded.
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
