/**
 * A burst of truly concurrent requests, run as its own process: opens one connection per request,
 * waits until every connection is established, then writes all requests at once and reads each
 * answer to the end. Prints one JSON line: statuses, tallies of chosen headers, latencies.
 *
 * Usage: node --import tsx load/burst.ts '<BurstSpec as JSON>'
 */
import { connect, type Socket } from "node:net";
import { pathToFileURL } from "node:url";

export interface BurstSpec {
  url: string;
  count: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Response headers whose values are counted (lower case). */
  tally?: string[];
  timeoutMs?: number;
}

export interface BurstResult {
  count: number;
  statuses: Record<string, number>;
  tallies: Record<string, Record<string, number>>;
  failures: number;
  errors: string[];
  latencyMs: { p50: number; p99: number; max: number };
  connectMs: number;
}

function rawRequest(spec: BurstSpec, url: URL): Buffer {
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  const lines = [
    `${spec.method ?? "GET"} ${url.pathname}${url.search} HTTP/1.1`,
    `host: ${url.host}`,
  ];
  for (const [name, value] of Object.entries(spec.headers ?? {})) lines.push(`${name}: ${value}`);
  if (body) lines.push(`content-length: ${body.length}`);
  lines.push("connection: close", "", "");
  const head = Buffer.from(lines.join("\r\n"));
  return body ? Buffer.concat([head, body]) : head;
}

function parseHead(raw: Buffer): { status: number; headers: Map<string, string> } {
  const end = raw.indexOf("\r\n\r\n");
  const lines = raw
    .subarray(0, end < 0 ? raw.length : end)
    .toString("latin1")
    .split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "")?.[1] ?? 0);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status, headers };
}

function open(url: URL, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 80) });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error("connect timeout")));
    socket.once("connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

function exchange(socket: Socket, request: Buffer): Promise<{ raw: Buffer; ms: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const started = performance.now();
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.once("end", () =>
      resolve({ raw: Buffer.concat(chunks), ms: performance.now() - started }),
    );
    socket.once("error", reject);
    socket.write(request);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN;

export async function burst(spec: BurstSpec): Promise<BurstResult> {
  const url = new URL(spec.url);
  const timeoutMs = spec.timeoutMs ?? 30_000;
  const request = rawRequest(spec, url);
  const t0 = performance.now();
  const sockets = await Promise.all(Array.from({ length: spec.count }, () => open(url, timeoutMs)));
  const connectMs = performance.now() - t0;
  const outcomes = await Promise.allSettled(sockets.map((s) => exchange(s, request)));
  const result: BurstResult = {
    count: spec.count,
    statuses: {},
    tallies: Object.fromEntries((spec.tally ?? []).map((h) => [h, {}])),
    failures: 0,
    errors: [],
    latencyMs: { p50: NaN, p99: NaN, max: NaN },
    connectMs: Math.round(connectMs),
  };
  const latencies: number[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === "rejected") {
      result.failures++;
      if (result.errors.length < 5) result.errors.push(String(outcome.reason));
      continue;
    }
    const { status, headers } = parseHead(outcome.value.raw);
    latencies.push(outcome.value.ms);
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    for (const name of spec.tally ?? []) {
      const value = headers.get(name) ?? "(none)";
      result.tallies[name]![value] = (result.tallies[name]![value] ?? 0) + 1;
    }
  }
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  result.latencyMs = {
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    max: round(latencies.at(-1) ?? NaN),
  };
  for (const s of sockets) s.destroy();
  return result;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  const result = await burst(JSON.parse(process.argv[2] ?? "{}") as BurstSpec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
