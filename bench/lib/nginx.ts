/** The nginx baselines: a proxy_cache in front of an HTML origin, and a plain keep-alive reverse proxy. */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { waitForPort } from "./children.js";

export interface NginxSite {
  /** Port nginx listens on. */
  listen: number;
  /** Origin URL, e.g. http://127.0.0.1:23000. */
  upstream: string;
  /** Cache 200 answers for this many seconds (undefined: plain proxy). */
  cacheSeconds?: number;
}

export interface Nginx {
  stop(): Promise<void>;
}

export function nginxInstalled(): boolean {
  return spawnSync("sh", ["-c", "command -v nginx"]).status === 0;
}

function siteBlock(site: NginxSite, i: number): string {
  const origin = new URL(site.upstream);
  // Same freshness rules as the edge: serve stale while one background request refreshes.
  const cache = site.cacheSeconds
    ? `proxy_cache html; proxy_cache_valid 200 ${site.cacheSeconds}s; proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout; proxy_cache_background_update on;
      proxy_ignore_headers Cache-Control Set-Cookie Expires;
      add_header X-Cache $upstream_cache_status;`
    : "";
  return `
  upstream origin${i} { server ${origin.host}; keepalive 64; }
  server {
    listen 127.0.0.1:${site.listen} reuseport backlog=4096;
    location / {
      proxy_pass http://origin${i};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      ${cache}
    }
  }`;
}

/** Starts one nginx master with one worker serving `sites`, under `dir`; resolves once every site listens. */
export async function startNginx(dir: string, sites: NginxSite[]): Promise<Nginx> {
  if (!nginxInstalled()) {
    throw new Error(
      "nginx is not installed (apt-get install nginx): it is the baseline the benchmarks compare against",
    );
  }
  mkdirSync(join(dir, "cache"), { recursive: true });
  mkdirSync(join(dir, "logs"), { recursive: true });
  // Workers drop privileges when nginx starts as root and must still reach the cache folder.
  chmodSync(dir, 0o755);
  const conf = `
worker_processes 1;
daemon off;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "logs/error.log")} warn;
events { worker_connections 8192; multi_accept on; }
http {
  access_log off;
  keepalive_requests 100000;
  proxy_cache_path ${join(dir, "cache")} levels=1:2 keys_zone=html:10m max_size=100m inactive=10m use_temp_path=off;
  client_body_temp_path ${join(dir, "tmp-body")};
  proxy_temp_path ${join(dir, "tmp-proxy")};
  fastcgi_temp_path ${join(dir, "tmp-fcgi")};
  uwsgi_temp_path ${join(dir, "tmp-uwsgi")};
  scgi_temp_path ${join(dir, "tmp-scgi")};
${sites.map(siteBlock).join("\n")}
}
`;
  const file = join(dir, "nginx.conf");
  writeFileSync(file, conf);
  const child = spawn("nginx", ["-c", file, "-p", dir], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGQUIT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    for (const site of sites) await waitForPort(site.listen, 5_000, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    const log = readFileSync(join(dir, "logs/error.log"), "utf8").trim().split("\n").slice(-5);
    throw new Error(`nginx did not start (${(error as Error).message}):\n${log.join("\n")}`, {
      cause: error,
    });
  }
  return { stop };
}
