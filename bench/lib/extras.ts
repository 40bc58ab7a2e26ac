/**
 * What the run starts beside the bench stack, on ports EXTRA_PORT_BASE…+4 (28100–28104 by default,
 * next to the stack's +20000 ports): the bare counting upstream, a second gateway with the bench
 * routes in front of it, a minimal undici proxy (the Node floor) and one nginx (one worker)
 * serving both nginx baselines.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../infra/launcher/stacks.js";
import { portOpen, startHelper, stopAllHelpers, tailLog, waitForHttp } from "./children.js";
import type { BenchContext } from "./context.js";
import { startNginx, type Nginx } from "./nginx.js";
import type { RunningStack } from "./stack.js";

export const EXTRA_PORT_BASE = Number(process.env.BENCH_EXTRA_PORT_BASE ?? 28100);

export interface Extras {
  urls: BenchContext["extra"];
  stop(): Promise<void>;
}

const local = (port: number) => `http://127.0.0.1:${port}`;

export async function startExtras(
  stack: RunningStack,
  workDir: string,
  redisPrefix: string,
): Promise<Extras> {
  const ports = {
    gateway: EXTRA_PORT_BASE,
    echo: EXTRA_PORT_BASE + 1,
    nginxHtml: EXTRA_PORT_BASE + 2,
    nginxApi: EXTRA_PORT_BASE + 3,
    minimalProxy: EXTRA_PORT_BASE + 4,
  };
  for (const [name, port] of Object.entries(ports)) {
    if (await portOpen(port))
      throw new Error(
        `port ${port} (bench ${name}) is in use: set BENCH_EXTRA_PORT_BASE to a free range`,
      );
  }
  // The bare upstream serves the real /api/home bytes too, so the cached-HIT comparison is like for like.
  const home = await fetch(`${stack.urls.gateway}/api/home`, {
    headers: { "accept-encoding": "identity" },
  });
  if (!home.ok) throw new Error(`/api/home through the bench gateway answered ${home.status}`);
  const homeFile = join(workDir, "home.json");
  writeFileSync(homeFile, Buffer.from(await home.arrayBuffer()));

  const baseEnv = {
    PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
    HOME: process.env.HOME ?? "",
    LANG: process.env.LANG ?? "C.UTF-8",
  };
  const echo = startHelper({
    name: "bench-echo",
    command: [
      process.execPath,
      "--import",
      "tsx",
      "bench/upstream/echo-server.ts",
      String(ports.echo),
      homeFile,
      "200",
    ],
    cwd: repoRoot,
    env: baseEnv,
    logDir: stack.logDir,
  });
  const gateway = startHelper({
    name: "bench-gateway",
    command: [process.execPath, "--import", "tsx", "src/main.ts"],
    cwd: join(repoRoot, "services/gateway"),
    env: {
      ...baseEnv,
      NODE_ENV: "development",
      PORT: String(ports.gateway),
      HOST: "127.0.0.1",
      LOG_LEVEL: stack.profile.logLevel,
      REDIS_URL: stack.redisUrl,
      REDIS_PREFIX: redisPrefix,
      INTERNAL_KEY: stack.secrets.INTERNAL_KEY,
      AUTH_URL: stack.urls.auth,
      ECHO_URL: local(ports.echo),
      GATEWAY_CONFIG: join(repoRoot, "bench/config/gateway.bench.yaml"),
      ENABLE_WARM_UP: "false",
    },
    logDir: stack.logDir,
  });
  const minimalProxy = startHelper({
    name: "bench-minimal-proxy",
    command: [
      process.execPath,
      "--import",
      "tsx",
      "bench/upstream/minimal-proxy.ts",
      String(ports.minimalProxy),
      local(ports.echo),
    ],
    cwd: repoRoot,
    env: baseEnv,
    logDir: stack.logDir,
  });
  let nginx: Nginx | undefined;
  const stop = async () => {
    await nginx?.stop();
    await stopAllHelpers();
  };
  try {
    const dead = (h: typeof echo) => () => h.child.exitCode !== null;
    await waitForHttp(`${local(ports.echo)}/__counts`, 20_000, { dead: dead(echo) }).catch(
      (e: Error) => {
        throw new Error(`${e.message}\n${tailLog(echo)}`);
      },
    );
    await waitForHttp(`${local(ports.gateway)}/health/ready`, 30_000, {
      dead: dead(gateway),
    }).catch((e: Error) => {
      throw new Error(`${e.message}\n${tailLog(gateway)}`);
    });
    await waitForHttp(`${local(ports.minimalProxy)}/bench/echo`, 20_000, {
      dead: dead(minimalProxy),
    }).catch((e: Error) => {
      throw new Error(`${e.message}\n${tailLog(minimalProxy)}`);
    });
    nginx = await startNginx(join(workDir, "nginx"), [
      { listen: ports.nginxHtml, upstream: stack.urls.storefront, cacheSeconds: 60 },
      { listen: ports.nginxApi, upstream: local(ports.echo) },
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    urls: {
      gateway: local(ports.gateway),
      echo: local(ports.echo),
      nginxHtml: local(ports.nginxHtml),
      nginxApi: local(ports.nginxApi),
      minimalProxy: local(ports.minimalProxy),
    },
    stop,
  };
}
