/**
 * Renders the README's parts table from the manifest. `node --import tsx infra/readme-parts.ts --write`
 * rewrites the block between the markers; infra/readme.test.ts fails when the README is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parts } from "./parts.js";

export const START = "<!-- parts:start (generated from infra/parts.ts) -->";
export const END = "<!-- parts:end -->";
export const readmePath = join(import.meta.dirname, "..", "README.md");

export function partsMarkdown(): string {
  const rows = parts.map(
    (p) =>
      `| [${p.name}](${p.folder}) | ${p.port} | ${p.stack} | ${p.job} | ${p.dependsOn.join(", ") || "—"} |`,
  );
  return [
    START,
    "| part | port | stack | job | depends on |",
    "|---|---|---|---|---|",
    ...rows,
    END,
  ].join("\n");
}

export function withPartsTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error("README has no parts markers");
  return readme.slice(0, start) + partsMarkdown() + readme.slice(end + END.length);
}

if (process.argv.includes("--write")) {
  writeFileSync(readmePath, withPartsTable(readFileSync(readmePath, "utf8")));
}
