/** Progress lines and the final table of the launcher. */
import type { Part } from "../parts.js";

export interface Reporter {
  step(scope: string, message: string): void;
  ok(scope: string, message: string): void;
  fail(scope: string, message: string): void;
  raw(text: string): void;
}

const tty = process.stdout.isTTY;
const paint = (code: string, text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);

/** Console reporter; `quiet` keeps only failures (used by the e2e harness). */
export function consoleReporter(quiet = false): Reporter {
  const line = (symbol: string, scope: string, message: string) =>
    console.log(`${symbol} ${paint("1", scope.padEnd(11))} ${message}`);
  return {
    step: (scope, message) => quiet || line(paint("36", "▸"), scope, message),
    ok: (scope, message) => quiet || line(paint("32", "✓"), scope, message),
    fail: (scope, message) => line(paint("31", "✗"), scope, message),
    raw: (text) => quiet || console.log(text),
  };
}

/** The table printed when every part is ready. */
export function partsTable(parts: Part[], urls: Record<string, string>, extra: string[]): string {
  const rows = parts.map((p) => [p.name, urls[p.name] ?? "", p.stack, p.job]);
  const header = ["part", "url", "stack", "job"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 3 ? c : c.padEnd(widths[i] ?? 0))).join("  ");
  return [paint("1", fmt(header)), ...rows.map(fmt), "", ...extra].join("\n");
}
