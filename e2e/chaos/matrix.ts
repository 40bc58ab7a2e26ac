/**
 * docs/fault-matrix.md, read as the test's expectations: one section per dependency (its target in
 * back-quotes in the heading), one row per probe, one column per fault. A cell is
 * `<status> [CODE] [stale|page] ≤ <seconds> s`: the answer every such request gets while the
 * fault lasts, and the longest it may take.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Target } from "./lab.js";

export type Fault = "hung" | "down";

export interface Expected {
  status: number;
  code?: string;
  /** Served from a cache past its freshness (stale-if-error). */
  stale: boolean;
  /** An HTML page (the shop's own), not JSON. */
  page: boolean;
  withinMs: number;
}

export interface MatrixSection {
  target: Target;
  title: string;
  rows: Array<{ probe: string; expected: Record<Fault, Expected> }>;
}

export const MATRIX_FILE = join(import.meta.dirname, "..", "..", "docs", "fault-matrix.md");

const CELL = /^(\d{3})(?: ([A-Z][A-Z_]+))?(?: (stale|page))? ≤ (\d+(?:\.\d+)?) s$/;

export function parseCell(cell: string): Expected {
  const match = CELL.exec(cell.replaceAll("`", "").trim());
  if (!match) throw new Error(`fault matrix: cannot read the cell "${cell}"`);
  const [, status, code, how, seconds] = match;
  return {
    status: Number(status),
    code,
    stale: how === "stale",
    page: how === "page",
    withinMs: Number(seconds) * 1000,
  };
}

/** The sections of the matrix, in the order the document lists them. */
export function readMatrix(text = readFileSync(MATRIX_FILE, "utf8")): MatrixSection[] {
  const sections: MatrixSection[] = [];
  let current: MatrixSection | undefined;
  let columns: Fault[] = [];
  for (const line of text.split("\n")) {
    const heading = /^### (.+) \(`([a-z-]+)`\)\s*$/.exec(line);
    if (heading) {
      current = { title: heading[1]!, target: heading[2] as Target, rows: [] };
      sections.push(current);
      columns = [];
      continue;
    }
    if (!current || !line.startsWith("|") || /^\|\s*-/.test(line)) continue;
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells[0] === "Request") {
      columns = cells.slice(1) as Fault[];
      continue;
    }
    const expected = Object.fromEntries(
      columns.map((fault, i) => [fault, parseCell(cells[i + 1] ?? "")]),
    ) as Record<Fault, Expected>;
    current.rows.push({ probe: cells[0]!.replaceAll("`", ""), expected });
  }
  return sections;
}
