/**
 * The instances of the instrumentation benchmark (issue 9), started beside the bench stack on
 * ports EXTRA_PORT_BASE + 10 … + 13 (28110–28113 by default): the edge proxy twice, in front of
 * the stack's storefront and gateway, and the gateway twice with the bench routes, in front of the
 * bare upstream. The two of a pair run the same code, command and configuration (the launcher's
 * own part definitions) and differ only in METRICS=true / METRICS=false. No OTLP endpoint is
 * given, so tracing stays a no-op in all four.
 */
import { join } from "node:path";
import { parts, type Part, type PartName, type StackEnv } from "../../infra/parts.js";
import { repoRoot, stackDataDir } from "../../infra/launcher/stacks.js";
import { portOpen, startHelper, tailLog, waitForHttp, type Helper } from "./children.js";
import type { BenchContext } from "./context.js";
import { EXTRA_PORT_BASE } from "./extras.js";
import type { Variant } from "./overhead.js";

export const INSTRUMENTED_PORT_BASE = EXTRA_PORT_BASE + 10;

export type Pair = Record<Variant, string>;

export interface Instrumented {
  edge: Pair;
  gateway: Pair;
  /** Process group of each instance (each is started as a group leader), for its CPU time. */
  pgid: { edge: Record<Variant, number>; gateway: Record<Variant, number> };
  stop(): Promise<void>;
}

const local = (port: number) => `http://127.0.0.1:${port}`;

function part(name: PartName): Part {
  const found = parts.find((p) => p.name === name);
  if (!found) throw new Error(`infra/parts.ts has no part ${name}`);
  return found;
}

/** The part's command as the launcher runs it, with `node` pinned to this Node binary. */
function command(p: Part): string[] {
  return p.command.map((arg, i) => (i === 0 && arg === "node" ? process.execPath : arg));
}

export async function startInstrumented(ctx: BenchContext): Promise<Instrumented> {
  const { stack } = ctx;
  const ports = {
    edge: { on: INSTRUMENTED_PORT_BASE, off: INSTRUMENTED_PORT_BASE + 1 },
    gateway: { on: INSTRUMENTED_PORT_BASE + 2, off: INSTRUMENTED_PORT_BASE + 3 },
  };
  for (const [name, pair] of Object.entries(ports)) {
    for (const [variant, port] of Object.entries(pair)) {
      if (await portOpen(port))
        throw new Error(
          `port ${port} (bench ${name}, metrics ${variant}) is in use: set BENCH_EXTRA_PORT_BASE to a free range`,
        );
    }
  }
  // Only what a part is given by the launcher: no OTEL_* variable reaches these processes.
  const baseEnv = (variant: Variant, port: number, name: string) => ({
    PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
    HOME: process.env.HOME ?? "",
    LANG: process.env.LANG ?? "C.UTF-8",
    NODE_ENV: "development",
    PORT: String(port),
    LOG_LEVEL: stack.profile.logLevel,
    // Each instance its own keys (cache tier, rate-limit counters), deleted with the run's others.
    REDIS_PREFIX: `${ctx.redisPrefix}${name}-metrics-${variant}:`,
    REDIS_URL: stack.redisUrl,
    ...stack.secrets,
    METRICS: variant === "on" ? "true" : "false",
  });
  const stackEnv: StackEnv = {
    url: (n) => stack.urls[n],
    port: (n) => Number(new URL(stack.urls[n]).port),
    dataDir: stackDataDir(stack.profile),
  };
  const edgePart = part("edge-proxy");
  const gatewayPart = part("gateway");
  const started: Array<{ helper: Helper; ready: string }> = [];
  const pgid = { edge: { on: 0, off: 0 }, gateway: { on: 0, off: 0 } };
  const variants: Variant[] = ["on", "off"];
  for (const variant of variants) {
    const edgePort = ports.edge[variant];
    started.push({
      helper: startHelper({
        name: `bench-edge-metrics-${variant}`,
        command: command(edgePart),
        cwd: join(repoRoot, edgePart.folder),
        env: { ...baseEnv(variant, edgePort, "edge"), ...edgePart.env(stackEnv) },
        logDir: stack.logDir,
      }),
      ready: `${local(edgePort)}${edgePart.readyPath ?? "/health/ready"}`,
    });
    pgid.edge[variant] = started.at(-1)!.helper.child.pid ?? 0;
    const gatewayPort = ports.gateway[variant];
    started.push({
      helper: startHelper({
        name: `bench-gateway-metrics-${variant}`,
        command: command(gatewayPart),
        cwd: join(repoRoot, gatewayPart.folder),
        env: {
          ...baseEnv(variant, gatewayPort, "gateway"),
          HOST: "127.0.0.1",
          AUTH_URL: stack.urls.auth,
          ECHO_URL: ctx.extra.echo,
          GATEWAY_CONFIG: join(repoRoot, "bench/config/gateway.bench.yaml"),
          ENABLE_WARM_UP: "false",
        },
        logDir: stack.logDir,
      }),
      ready: `${local(gatewayPort)}${gatewayPart.readyPath ?? "/health/ready"}`,
    });
    pgid.gateway[variant] = started.at(-1)!.helper.child.pid ?? 0;
  }
  const stop = async () => {
    await Promise.all(started.map((s) => s.helper.stop()));
  };
  try {
    await Promise.all(
      started.map(({ helper, ready }) =>
        waitForHttp(ready, 60_000, { dead: () => helper.child.exitCode !== null }).catch(
          (e: Error) => {
            throw new Error(`${helper.name}: ${e.message}\n${tailLog(helper)}`);
          },
        ),
      ),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    edge: { on: local(ports.edge.on), off: local(ports.edge.off) },
    gateway: { on: local(ports.gateway.on), off: local(ports.gateway.off) },
    pgid,
    stop,
  };
}
