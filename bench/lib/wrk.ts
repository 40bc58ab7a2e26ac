/** Runs wrk from a separate process and parses its throughput and latency percentiles. */
import { spawn } from "node:child_process";

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers outside 2xx/3xx. */
  non2xx: number;
  /** Socket errors: connect + read + write + timeout. */
  errors: number;
  /** Requests that got no answer within wrk's timeout (part of `errors`; not in the percentiles). */
  timeouts: number;
  requests: number;
  /** A JSON object a Lua script printed on a `BENCH_JSON {…}` line, if any. */
  script?: Record<string, unknown>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  threads?: number;
  headers?: Record<string, string>;
  /** A Lua script for wrk (e.g. to send POST bodies or a URL mix). */
  script?: string;
  /** Arguments handed to the script's `init(args)`. */
  scriptArgs?: string[];
  /** Seconds before wrk counts a request as timed out (default 5). */
  timeoutSeconds?: number;
}

/** One wrk round. Fails loudly when wrk is missing. */
export function wrk(options: LoadOptions): Promise<LoadResult> {
  const args = [
    "-t",
    String(options.threads ?? 1),
    "-c",
    String(options.connections),
    "-d",
    `${options.seconds}s`,
    "--latency",
    "--timeout",
    `${options.timeoutSeconds ?? 5}s`,
  ];
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push("-H", `${k}: ${v}`);
  if (options.script) args.push("-s", options.script);
  args.push(options.url);
  if (options.scriptArgs?.length) args.push("--", ...options.scriptArgs);
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", (e) =>
      reject(new Error(`wrk could not start (${e.message}); install it: apt-get install wrk`)),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve(parseWrk(out)) : reject(new Error(`wrk failed:\n${out}`)),
    );
  });
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses wrk's `--latency` report (and a `BENCH_JSON` line printed by a Lua `done()`). */
export function parseWrk(text: string): LoadResult {
  const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
  const latency = (pct: string) => {
    const m = new RegExp(`\\s${pct}%\\s+([\\d.]+)(us|ms|s|m|h)\\b`).exec(text);
    return m ? Number(m[1]) * UNIT_MS[m[2]!]! : NaN;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const requests = num(/(\d+) requests in /);
  const json = /^BENCH_JSON (\{.*\})\s*$/m.exec(text)?.[1];
  return {
    requestsPerSec: num(/Requests\/sec:\s+([\d.]+)/),
    // wrk prints 0.00us percentiles when nothing completed: that is "no measurement", not 0 ms.
    p50Ms: requests > 0 ? latency("50") : NaN,
    p99Ms: requests > 0 ? latency("99") : NaN,
    non2xx: num(/Non-2xx or 3xx responses:\s+(\d+)/) || 0,
    errors: socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0,
    timeouts: socket ? Number(socket[4]) : 0,
    requests,
    ...(json ? { script: JSON.parse(json) as Record<string, unknown> } : {}),
  };
}

export type MedianResult = LoadResult & { rounds: LoadResult[] };

/** The median round by requests/s, with p50/p99 each the median over the rounds. */
export function medianResult(all: LoadResult[]): MedianResult {
  if (all.length === 0) throw new Error("medianResult: no rounds");
  const sorted = [...all].sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  const median = (key: "p50Ms" | "p99Ms") => {
    const values = all
      .map((r) => r[key])
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)]! : NaN;
  };
  return { ...mid, p50Ms: median("p50Ms"), p99Ms: median("p99Ms"), rounds: all };
}
