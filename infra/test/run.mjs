#!/usr/bin/env node
// `npm test` entry: installs dependencies when missing (like `npm start`), then runs every check.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dependenciesStale, installDependencies } from "../launcher/bootstrap.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
if (dependenciesStale()) installDependencies();
const child = spawn(
  process.execPath,
  ["--import", "tsx", join(root, "infra/test/run-all.ts"), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
  },
);
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
