/**
 * Renders the README's parts table and request-path diagram from the manifest.
 * `node --import tsx infra/readme-parts.ts --write` rewrites the blocks between the markers;
 * infra/readme.test.ts fails when the README is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { callsOf, parts, type Part } from "./parts.js";

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

export const DIAGRAM_START = "<!-- request-path:start (generated from infra/parts.ts) -->";
export const DIAGRAM_END = "<!-- request-path:end -->";

const node = (part: Part) => part.name.replace(/[^a-z]/g, "");

/** Browser → public parts → every call the manifest gives a part, then each part's stores. */
export function requestPathDiagram(): string {
  const lines = ["```mermaid", "graph LR", "  browser[Browser]"];
  for (const part of parts)
    lines.push(`  ${node(part)}["${part.name} :${part.port}<br/>${part.stack}"]`);
  for (const part of parts.filter((p) => p.public)) lines.push(`  browser --> ${node(part)}`);
  for (const part of parts)
    for (const called of callsOf(part))
      lines.push(`  ${node(part)} --> ${node(parts.find((p) => p.name === called)!)}`);
  lines.push("  redis[(Redis)]");
  for (const part of parts) {
    if (part.database) {
      lines.push(`  db${node(part)}[("PostgreSQL shop_${part.database}")]`);
      lines.push(`  ${node(part)} --> db${node(part)}`);
    }
    if (part.redis) lines.push(`  ${node(part)} --> redis`);
  }
  lines.push("```");
  return [DIAGRAM_START, ...lines, DIAGRAM_END].join("\n");
}

function replaceBlock(text: string, start: string, end: string, block: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README has no ${start} … ${end} markers`);
  return text.slice(0, from) + block + text.slice(to + end.length);
}

export function withPartsTable(readme: string): string {
  return replaceBlock(
    replaceBlock(readme, START, END, partsMarkdown()),
    DIAGRAM_START,
    DIAGRAM_END,
    requestPathDiagram(),
  );
}

if (process.argv.includes("--write")) {
  writeFileSync(readmePath, withPartsTable(readFileSync(readmePath, "utf8")));
}
