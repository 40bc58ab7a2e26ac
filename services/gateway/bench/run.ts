/**
 * Gateway benchmark (issue 5, items 2 and 4): a small authenticated GET through the gateway (token
 * validation + Redis rate limit) against the same upstream behind nginx as a plain reverse proxy
 * and the upstream alone; the cached /api/home HIT; and 50 concurrent identical POSTs with one
 * Idempotency-Key. Servers run in child processes; the load comes from this process.
 *
 *   npm run bench -w services/gateway [-- --rounds 3 --duration 5 --connections 100 --workers 1 --json out.json]
 */
import autocannon from "autocannon";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { benchRedisUrl, inheritedEnv } from "./config.js";
import { runIdempotencyBench } from "./idempotency.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "100" },
    "base-port": { type: "string", default: "43100" },
    json: { type: "string" },
    "access-log": { type: "boolean", default: false },
    workers: { type: "string", default: "1" },
  },
});
const base = Number(values["base-port"]);
const PORTS = { upstream: base + 1, nginx: base + 2, gateway: base + 3, minimal: base + 5 };
const here = fileURLToPath(new URL(".", import.meta.url));
const children: ChildProcess[] = [];
const scratch = mkdtempSync(join(tmpdir(), "gateway-bench-"));

function start(command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, {
    cwd: join(here, ".."),
    env: { ...inheritedEnv(), ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, headers: Record<string, string> = {}): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

function nginxConfig(): string {
  return `worker_processes 1; daemon off; pid ${scratch}/nginx.pid; error_log ${scratch}/nginx.err warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${scratch}/body; proxy_temp_path ${scratch}/proxy; fastcgi_temp_path ${scratch}/fcgi;
  uwsgi_temp_path ${scratch}/uwsgi; scgi_temp_path ${scratch}/scgi;
  upstream up { server 127.0.0.1:${PORTS.upstream}; keepalive 128; }
  server {
    listen 127.0.0.1:${PORTS.nginx};
    location / { proxy_pass http://up; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}`;
}

interface Figure {
  name: string;
  rps: number[];
  p50: number[];
  p99: number[];
  /** CPU time the server under test spent per request (µs), from /proc: robust on a busy machine. */
  cpuUs: number[];
  errors: number;
}

/** utime + stime (clock ticks of 10 ms) of `pids` and their child processes (nginx workers). */
function cpuTicks(pids: number[]): number {
  let ticks = 0;
  const all = new Set(pids);
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return Number.NaN;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (all.has(Number(entry)) || all.has(Number(fields[1])))
        ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended between listing and reading
    }
  }
  return ticks;
}

async function load(
  url: string,
  headers: Record<string, string>,
  figure: Figure,
  pids: number[],
): Promise<void> {
  const before = cpuTicks(pids);
  const result = await autocannon({
    url,
    headers,
    connections: Number(values.connections),
    duration: Number(values.duration),
  });
  figure.cpuUs.push(
    Math.round(((cpuTicks(pids) - before) * 10_000) / Math.max(1, result.requests.total)),
  );
  figure.rps.push(Math.round(result.requests.average));
  figure.p50.push(result.latency.p50);
  figure.p99.push(result.latency.p99);
  figure.errors += result.errors + result.non2xx;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function mintToken(): Promise<{ jwks: string; token: string }> {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const jwk = { ...(await exportJWK(publicKey)), kid: "bench", alg: "EdDSA", use: "sig" };
  const token = await new SignJWT({ role: "customer", sid: randomUUID(), jti: randomUUID() })
    .setProtectedHeader({ alg: "EdDSA", kid: "bench" })
    .setSubject("bench-member")
    .setIssuer("shop-auth")
    .setAudience("shop-api")
    .setIssuedAt()
    .setExpirationTime("15m")
    .sign(privateKey);
  return { jwks: JSON.stringify({ keys: [jwk] }), token };
}

const url = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;
const tsx = (...args: string[]) => start(process.execPath, ["--import", "tsx", ...args]);

/** Starts upstream, nginx (when installed), the minimal proxy and the gateway; waits for all. */
async function startServers(jwks: string, prefix: string, auth: Record<string, string>) {
  const upstream = tsx("bench/upstream.ts", String(PORTS.upstream), jwks);
  writeFileSync(join(scratch, "nginx.conf"), nginxConfig());
  const hasNginx = spawnSync("nginx", ["-v"]).status === 0;
  const nginx = hasNginx ? start("nginx", ["-c", join(scratch, "nginx.conf")]) : undefined;
  const minimal = tsx("bench/minimal-proxy.ts", String(PORTS.minimal), url(PORTS.upstream, ""));
  const gateway = start(process.execPath, ["--import", "tsx", "src/main.ts"], {
    PORT: String(PORTS.gateway),
    HOST: "127.0.0.1",
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
    ENABLE_ACCESS_LOG: String(values["access-log"]),
    ENABLE_WARM_UP: "false",
    GATEWAY_WORKERS: values.workers,
    REDIS_URL: benchRedisUrl,
    REDIS_PREFIX: prefix,
    GATEWAY_CONFIG: join(here, "gateway.bench.yaml"),
    API_URL: url(PORTS.upstream, ""),
    AUTH_URL: url(PORTS.upstream, ""),
  });
  await waitFor(url(PORTS.upstream, "/api/bench"));
  if (nginx) await waitFor(url(PORTS.nginx, "/api/bench"));
  await waitFor(url(PORTS.gateway, "/api/bench"), auth);
  await waitFor(url(PORTS.minimal, "/api/bench"));
  await fetch(url(PORTS.gateway, "/api/home"));
  return { upstream, nginx, minimal, gateway };
}

type Target = [name: string, url: string, headers: Record<string, string>, pids: number[]];

function targetsFor(
  servers: Awaited<ReturnType<typeof startServers>>,
  auth: Record<string, string>,
) {
  const pid = (child: ChildProcess | undefined) => (child?.pid ? [child.pid] : []);
  const { upstream, nginx, minimal, gateway } = servers;
  const targets: Target[] = [
    ["upstream alone (bare node:http)", url(PORTS.upstream, "/api/bench"), {}, pid(upstream)],
  ];
  if (nginx) {
    targets.push(["nginx plain reverse proxy", url(PORTS.nginx, "/api/bench"), {}, pid(nginx)]);
  }
  targets.push(
    ["minimal undici proxy (no checks)", url(PORTS.minimal, "/api/bench"), {}, pid(minimal)],
    [
      "gateway pass-through (token + rate limit)",
      url(PORTS.gateway, "/api/bench"),
      auth,
      pid(gateway),
    ],
    [
      "upstream alone /api/home (same 6 KB body)",
      url(PORTS.upstream, "/api/home"),
      {},
      pid(upstream),
    ],
    ["gateway cached /api/home HIT", url(PORTS.gateway, "/api/home"), {}, pid(gateway)],
  );
  return targets;
}

async function main(): Promise<void> {
  const { jwks, token } = await mintToken();
  const auth = { authorization: `Bearer ${token}` };
  const prefix = `bench:${randomBytes(4).toString("hex")}:`;
  try {
    const targets = targetsFor(await startServers(jwks, prefix, auth), auth);
    // JIT warm-up of every server before anything is measured.
    for (const [, target, headers] of targets) {
      await autocannon({ url: target, headers, connections: 20, amount: 5_000 });
    }
    const figures: Figure[] = targets.map(([name]) => ({
      name,
      rps: [],
      p50: [],
      p99: [],
      cpuUs: [],
      errors: 0,
    }));
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const [i, [, target, headers, pids]] of targets.entries()) {
        await load(target, headers, figures[i]!, pids);
      }
    }
    const gatewayUrl = url(PORTS.gateway, "");
    const idempotency = await runIdempotencyBench(gatewayUrl, url(PORTS.upstream, ""), auth);
    report(figures, idempotency);
  } finally {
    await deleteKeys(prefix);
  }
}

/** The run's Redis keys (rate limits, cache, idempotency) go away with it. */
async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(benchRedisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

function report(
  figures: Figure[],
  idempotency: Awaited<ReturnType<typeof runIdempotencyBench>>,
): void {
  const rows = figures.map((f) => ({
    name: f.name,
    rps: median(f.rps),
    p50: median(f.p50),
    p99: median(f.p99),
    cpuUsPerRequest: median(f.cpuUs),
    errors: f.errors,
    rounds: f.rps,
  }));
  const by = (start: string) => rows.find((r) => r.name.startsWith(start))?.rps ?? 0;
  const ratios = {
    passThroughVsNginx: by("nginx") ? +(by("gateway pass") / by("nginx")).toFixed(2) : null,
    minimalProxyVsNginx: by("nginx") ? +(by("minimal") / by("nginx")).toFixed(2) : null,
    passThroughVsMinimalProxy: +(by("gateway pass") / by("minimal")).toFixed(2),
    nginxVsBare: by("nginx") ? +(by("nginx") / by("upstream alone (bare")).toFixed(2) : null,
    cachedHitVsBareSmall: +(by("gateway cached") / by("upstream alone (bare")).toFixed(2),
    cachedHitVsBareSameBody: +(by("gateway cached") / by("upstream alone /api/home")).toFixed(2),
  };
  console.log(
    `\nGateway benchmark — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}, ${values.connections} connections, ${values.duration} s × ${values.rounds} rounds (medians)`,
  );
  console.table(rows.map(({ rounds: _r, ...row }) => row));
  console.log(
    "ratios:",
    ratios,
    "(goals: pass-through ≥ 0.80 of nginx, cached HIT ≥ 0.75 of bare)",
  );
  console.log("idempotency:", idempotency);
  if (values.json) {
    writeFileSync(
      values.json,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
          settings: values,
          rows,
          ratios,
          idempotency,
        },
        null,
        2,
      ),
    );
  }
}

function cleanup(): void {
  for (const child of children) child.kill("SIGTERM");
  rmSync(scratch, { recursive: true, force: true });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    cleanup();
    await new Promise((r) => setTimeout(r, 300));
  });
