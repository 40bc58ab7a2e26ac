/**
 * Generates the Prisma client into services/member/generated/ when it is missing or older than
 * prisma/schema.prisma, so a fresh clone starts, tests and type-checks without a manual step.
 * Runs from main.ts before the app is imported, and as `npm run generate`.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const serviceDir = fileURLToPath(new URL("../../", import.meta.url));
const schemaFile = `${serviceDir}prisma/schema.prisma`;
const stampFile = `${serviceDir}generated/prisma/.schema-sha256`;

function schemaDigest(): string {
  const prismaVersion = (
    createRequire(import.meta.url)("prisma/package.json") as { version: string }
  ).version;
  return createHash("sha256").update(prismaVersion).update(readFileSync(schemaFile)).digest("hex");
}

/** True when the generated client matches the current schema. */
export function clientIsCurrent(): boolean {
  return existsSync(stampFile) && readFileSync(stampFile, "utf8") === schemaDigest();
}

/** Runs `prisma generate` unless the client is current. Throws when generation fails. */
export function ensurePrismaClient(): void {
  if (clientIsCurrent()) return;
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  // The native schema engine cannot be downloaded here and generate only checks that the path
  // exists (docs: toolchain notes); `env` adds the variable without touching this process.
  const result = spawnSync(
    "env",
    [
      "PRISMA_SCHEMA_ENGINE_BINARY=/bin/true",
      "PRISMA_HIDE_UPDATE_MESSAGE=1",
      process.execPath,
      cli,
      "generate",
    ],
    { cwd: serviceDir, encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(`prisma generate failed:\n${result.stdout}\n${result.stderr}`);
  }
  writeFileSync(stampFile, schemaDigest());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensurePrismaClient();
}
