/**
 * A fixed number of requests one after another on one keep-alive connection, run as its own
 * process; prints one JSON line with the latency percentiles. Used where the count must stay
 * bounded (uncached /api/home: each request is charged to the gateway's rate limit).
 *
 * Usage: node --import tsx load/sequential.ts '<SequentialSpec as JSON>'
 */
import { Agent, request } from "node:http";
import { pathToFileURL } from "node:url";

export interface SequentialSpec {
  url: string;
  count: number;
  headers?: Record<string, string>;
}

export interface SequentialResult {
  count: number;
  statuses: Record<string, number>;
  latencyMs: { p50: number; p99: number; mean: number };
  requestsPerSec: number;
}

function once(url: URL, agent: Agent, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export async function sequential(spec: SequentialSpec): Promise<SequentialResult> {
  const url = new URL(spec.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < spec.count; i++) {
    const t0 = performance.now();
    const status = await once(url, agent, spec.headers ?? {});
    latencies.push(performance.now() - t0);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: spec.count,
    statuses,
    latencyMs: {
      p50: round(at(0.5)),
      p99: round(at(0.99)),
      mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    },
    requestsPerSec: round(spec.count / seconds),
  };
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  const result = await sequential(JSON.parse(process.argv[2] ?? "{}") as SequentialSpec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
