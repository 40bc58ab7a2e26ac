/**
 * Measures the edge's cache-HIT path against nginx proxy_cache (one worker) and the page's origin,
 * in one run, with wrk from a separate process: rounds are interleaved and medians reported.
 * Everything runs on free ports from 44100 up and is stopped at the end.
 *
 * Usage: bun scripts/measure-hit.ts [rounds=3] [seconds=5] [connections=100]
 * Needs wrk; nginx is optional (its row is skipped when missing). Uses Redis DB 15 with a random prefix.
 */
import { RedisClient, spawn, spawnSync, type Subprocess } from "bun";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [rounds = 3, seconds = 5, connections = 100] = Bun.argv.slice(2).map(Number);
/** A port in this script's range (44100–44999) nothing is bound to right now (ephemeral client ports land there too). */
function freePort(from: number, taken: number[]): number {
  for (let port = from; port < 45000; port++) {
    if (taken.includes(port)) continue;
    try {
      Bun.listen({ hostname: "127.0.0.1", port, socket: { data() {} } }).stop(true);
      return port;
    } catch {
      // in use
    }
  }
  throw new Error("no free port in 44100–44999");
}
const origin = freePort(44100, []);
const edge = freePort(origin + 1, [origin]);
const ports = { origin, edge, nginx: freePort(edge + 1, [origin, edge]) };
const dir = mkdtempSync(join(tmpdir(), "edge-hit-"));
chmodSync(dir, 0o755); // nginx workers drop privileges and must reach their cache folder
const children: Subprocess[] = [];
const prefix = `edge-bench:${crypto.randomUUID().slice(0, 8)}:`;
const root = new URL("..", import.meta.url).pathname;

function start(cmd: string[], env: Record<string, string> = {}): void {
  children.push(
    spawn(cmd, {
      cwd: root,
      env: { ...Bun.env, ...env },
      stdout: Bun.env.VERBOSE ? "inherit" : "ignore",
      stderr: "inherit",
    }),
  );
}

async function until(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await Bun.sleep(100);
  }
  const log = url.includes(String(ports.nginx)) ? readFileSync(join(dir, "error.log"), "utf8") : "";
  throw new Error(`${url} did not come up ${log}`);
}

function nginxConfig(): string {
  return `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  proxy_cache_path ${dir}/cache keys_zone=pages:10m max_size=100m;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream origin { server 127.0.0.1:${ports.origin}; keepalive 32; }
  server {
    listen 127.0.0.1:${ports.nginx};
    location / {
      proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_cache pages; proxy_cache_valid 200 60s; proxy_ignore_headers Cache-Control Expires Set-Cookie;
      add_header X-Cache $upstream_cache_status;
    }
  }
}`;
}

function wrk(url: string): { rps: number; p50: number; p99: number } {
  const out = spawnSync([
    "wrk",
    "-t1",
    `-c${connections}`,
    `-d${seconds}s`,
    "--latency",
    url,
  ]).stdout.toString();
  const ms = (label: string) => {
    const match = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!match) return Number.NaN;
    const value = Number(match[1]);
    return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
  };
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
    p50: ms("50"),
    p99: ms("99"),
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  start([process.execPath, "scripts/fake-storefront.ts"], { PORT: String(ports.origin) });
  start([process.execPath, "src/main.ts"], {
    PORT: String(ports.edge),
    LOG_LEVEL: "warn",
    STOREFRONT_URL: `http://127.0.0.1:${ports.origin}`,
    GATEWAY_URL: `http://127.0.0.1:${ports.origin}`,
    AUTH_URL: `http://127.0.0.1:${ports.origin}`,
    REDIS_URL: "redis://127.0.0.1:6379/15",
    REDIS_PREFIX: prefix,
  });
  const targets: Record<string, string> = {
    "edge HIT": `http://127.0.0.1:${ports.edge}/`,
    "origin (Bun, no cache)": `http://127.0.0.1:${ports.origin}/`,
  };
  if (spawnSync(["which", "nginx"]).exitCode === 0) {
    writeFileSync(join(dir, "nginx.conf"), nginxConfig());
    start(["nginx", "-c", join(dir, "nginx.conf"), "-p", dir]);
    targets["nginx proxy_cache HIT"] = `http://127.0.0.1:${ports.nginx}/`;
  }
  for (const url of Object.values(targets)) {
    await until(url);
    await fetch(url); // fill
  }
  const results: Record<string, Array<ReturnType<typeof wrk>>> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, url] of Object.entries(targets)) (results[name] ??= []).push(wrk(url));
  }
  console.log(
    `HIT path, ~30 KB page, wrk -t1 -c${connections} -d${seconds}s, median of ${rounds} rounds`,
  );
  console.log("| server | req/s | p50 ms | p99 ms |\n|---|---|---|---|");
  for (const [name, runs] of Object.entries(results)) {
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n >= 100 ? 0 : 2) : "n/a");
    console.log(
      `| ${name} | ${fmt(median(runs.map((r) => r.rps)))} | ${fmt(median(runs.map((r) => r.p50)))} | ${fmt(median(runs.map((r) => r.p99)))} |`,
    );
  }
} finally {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((child) => child.exited));
  rmSync(dir, { recursive: true, force: true });
  const redis = new RedisClient("redis://127.0.0.1:6379/15");
  const keys = (await redis.send("KEYS", [`${prefix}*`])) as string[];
  if (keys.length) await redis.send("DEL", keys);
  redis.close();
}
