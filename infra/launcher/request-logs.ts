/**
 * One request's log lines from every part, in time order: `npm run logs -- <request or trace id>`
 * reads a stack's per-part log files (`.data/<stack>/logs/<part>.log`) and prints the JSON lines
 * that carry the id as `requestId` or `trace_id`, prefixed with the part.
 *
 * Flags: --stack dev|e2e|bench (default dev).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { stackDataDir, stackProfiles, type StackProfile } from "./stacks.js";

export interface LogLine {
  part: string;
  time: string;
  line: string;
}

/** Lines of the `*.log` files in `logDir` that belong to request or trace `id`, oldest first. */
export function linesOf(logDir: string, id: string): LogLine[] {
  if (!existsSync(logDir)) return [];
  const found: LogLine[] = [];
  for (const file of readdirSync(logDir)
    .filter((f) => f.endsWith(".log"))
    .sort()) {
    const part = basename(file, ".log");
    for (const line of readFileSync(join(logDir, file), "utf8").split("\n")) {
      if (!line.includes(id)) continue;
      let entry: { requestId?: unknown; trace_id?: unknown; time?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue;
      }
      if (entry.requestId !== id && entry.trace_id !== id) continue;
      found.push({ part, time: typeof entry.time === "string" ? entry.time : "", line });
    }
  }
  // ISO times sort as strings; a stable sort keeps each part's own order for equal times.
  return found.sort((a, b) => a.time.localeCompare(b.time));
}

if (import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({
    options: { stack: { type: "string", default: "dev" } },
    allowPositionals: true,
  });
  const profile = stackProfiles[values.stack as StackProfile["name"]];
  const id = positionals[0];
  if (!profile || !id) {
    console.error("usage: npm run logs -- <request id | trace id> [--stack dev|e2e|bench]");
    process.exit(2);
  }
  const logDir = join(stackDataDir(profile), "logs");
  const lines = linesOf(logDir, id);
  if (lines.length === 0) console.error(`no line of ${logDir} carries ${id}`);
  const width = Math.max(0, ...lines.map((l) => l.part.length));
  for (const { part, line } of lines) console.log(`${part.padEnd(width)}  ${line}`);
}
