/**
 * Starts a whole stack of the platform: data stores, databases, storefront build, then every part
 * in dependency order (each as soon as what it needs is ready), waiting for /health/ready.
 * Used by `npm start`, the end-to-end harness and the benchmarks.
 */
import { join } from "node:path";
import {
  parts as allParts,
  startOrder,
  type Part,
  type PartName,
  type StackEnv,
} from "../parts.js";
import {
  databaseUrl,
  ensurePostgres,
  ensureRedis,
  flushRedisDb,
  prepareDatabases,
  redisPersists,
  type DataStore,
  type OwnStoreSite,
} from "./databases.js";
import { portInUse, startProcess, waitReady, type PartProcess } from "./processes.js";
import { prometheusPort, startPrometheus, type RunningPrometheus } from "./prometheus.js";
import type { Reporter } from "./report.js";
import { DEV_ADMIN, devSecrets, type DevSecrets } from "./secrets.js";
import { buildStorefrontIfNeeded } from "./storefront-build.js";
import { otlpReceiverPort, tracesEndpoint, tracingEnv } from "./tracing.js";
import { repoRoot, stackDataDir, type StackProfile } from "./stacks.js";

export interface StackOptions {
  profile: StackProfile;
  report: Reporter;
  /** Start only these parts (and what they depend on). */
  only?: PartName[];
  /** Start the launcher's own PostgreSQL here instead of using one that runs. */
  ownPostgres?: OwnStoreSite;
  /** Start the launcher's own Redis here instead of using one that runs. */
  ownRedis?: OwnStoreSite;
  /** Echo every part's log lines to the console (or only those mentioning `matching`). */
  echoLogs?: boolean | { matching: string };
  /** Extra environment per part, over the stack's (tests shorten timers with it). */
  env?: Partial<Record<PartName, Record<string, string>>>;
  /** Start Prometheus scraping the stack once its parts are ready (when the binary is there). */
  prometheus?: boolean;
}

export interface RunningStack {
  profile: StackProfile;
  urls: Record<PartName, string>;
  parts: Part[];
  processes: Map<PartName, PartProcess>;
  postgres: DataStore;
  redis: DataStore;
  /** Redis URL with the stack's DB number. */
  redisUrl: string;
  databaseUrls: Record<string, string>;
  secrets: DevSecrets;
  admin: { email: string; password: string };
  logDir: string;
  /** Where the stack's own OTLP/HTTP receiver must listen, when its parts export traces there. */
  otlpReceiverPort?: number;
  /** The stack's Prometheus, when it was asked for and could start. */
  prometheus?: RunningPrometheus;
  /** Stops one part (if it still runs) and starts it again, waiting until it is ready. */
  restartPart(name: PartName): Promise<void>;
  stop(): Promise<void>;
}

export function portOf(part: Part, profile: StackProfile): number {
  return part.port + profile.portOffset;
}

function selectParts(only?: PartName[]): Part[] {
  if (!only?.length) return startOrder(allParts);
  const wanted = new Set<PartName>();
  const add = (name: PartName) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    allParts.find((p) => p.name === name)?.dependsOn.forEach(add);
  };
  only.forEach(add);
  return startOrder(allParts.filter((p) => wanted.has(p.name)));
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { profile, report } = options;
  const parts = selectParts(options.only);
  const urls = Object.fromEntries(
    allParts.map((p) => [p.name, `http://127.0.0.1:${portOf(p, profile)}`]),
  ) as Record<PartName, string>;
  await assertPortsFree(parts, profile, report);
  const data = await prepareData(parts, options);
  if (parts.some((p) => p.name === "storefront")) await buildStorefrontIfNeeded(report);

  const secrets = devSecrets();
  const dataDir = stackDataDir(profile);
  const logDir = join(dataDir, "logs");
  const processes = new Map<PartName, PartProcess>();
  const stackEnv: StackEnv = {
    url: (n: PartName) => urls[n],
    port: (n: PartName) => Number(new URL(urls[n]).port),
    dataDir,
  };
  let prometheus: RunningPrometheus | undefined;
  const stop = async () => {
    await prometheus?.stop();
    for (const p of [...parts].reverse()) {
      const proc = processes.get(p.name);
      if (proc && !proc.exited()) await proc.stop();
    }
    await data.redis.stop();
    await data.postgres.stop();
  };

  const started = Date.now();
  const launch = (part: Part) => {
    const env = partEnv(part, {
      profile,
      secrets,
      redisUrl: data.redisUrl,
      databaseUrl: data.databaseUrls[part.name],
      stackEnv,
      extra: options.env?.[part.name],
    });
    report.step(part.name, `starting on :${env.PORT}`);
    const proc = startProcess({
      name: part.name,
      command: part.command,
      cwd: join(repoRoot, part.folder),
      env,
      logDir,
      echo: echoer(part.name, options.echoLogs),
    });
    processes.set(part.name, proc);
    return proc;
  };
  const ready = (part: Part, proc: PartProcess) =>
    waitReady(
      `${urls[part.name]}${part.readyPath ?? "/health/ready"}`,
      proc,
      part.readyTimeoutMs ?? 60_000,
    );
  const restartPart = partRestarter(parts, processes, launch, ready);
  try {
    await startInOrder(parts, launch, ready, report);
  } catch (error) {
    await stop();
    throw error;
  }
  report.ok(
    "platform",
    `all ${parts.length} parts ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const traces = tracesEndpoint(profile);
  if (traces) report.ok("traces", `every part exports OTLP/HTTP to ${traces}`);
  if (options.prometheus)
    prometheus = await startPrometheus({ profile, parts, dataDir, logDir, secrets, report });
  return {
    profile,
    urls,
    parts,
    processes,
    ...data,
    secrets,
    admin: DEV_ADMIN,
    logDir,
    otlpReceiverPort: profile.exportTraces ? otlpReceiverPort(profile) : undefined,
    prometheus,
    restartPart,
    stop,
  };
}

/** Stops one part (if it still runs) and starts it again with the same environment. */
function partRestarter(
  parts: Part[],
  processes: Map<PartName, PartProcess>,
  launch: (part: Part) => PartProcess,
  ready: (part: Part, proc: PartProcess) => ReturnType<typeof waitReady>,
) {
  return async (name: PartName) => {
    const part = parts.find((p) => p.name === name);
    if (!part) throw new Error(`${name} is not part of this stack`);
    await processes.get(name)?.stop();
    const outcome = await ready(part, launch(part));
    if (outcome !== "ready")
      throw new Error(`${name} did not come back after a restart (${outcome})`);
  };
}

async function assertPortsFree(parts: Part[], profile: StackProfile, report: Reporter) {
  const busy: Part[] = [];
  for (const p of parts) if (await portInUse(portOf(p, profile))) busy.push(p);
  if (!busy.length) return;
  for (const p of busy) report.fail(p.name, `port ${portOf(p, profile)} is already in use`);
  throw new Error(
    `ports in use: ${busy.map((p) => `${p.name} :${portOf(p, profile)}`).join(", ")} — is another copy of the platform running? Stop it or free the ports.`,
  );
}

/** Finds or starts PostgreSQL and Redis, then creates (or, for fresh stacks, recreates) the databases. */
async function prepareData(parts: Part[], options: StackOptions) {
  const { profile, report } = options;
  const postgres = await ensurePostgres(report, options.ownPostgres);
  const found = (store: DataStore) => (store.origin === "started" ? "started" : "found");
  report.ok("postgres", `${found(postgres)} ${postgres.url.replace(/:[^:@/]+@/, ":***@")}`);
  const redis = await ensureRedis(report, options.ownRedis);
  report.ok("redis", `${found(redis)} ${redis.url} (DB ${profile.redisDb})`);
  if (
    profile.name === "dev" &&
    redis.origin !== "started" &&
    (await redisPersists(redis.url)) === false
  )
    report.step(
      "redis",
      "warning: this Redis keeps no append-only file (appendonly no), so carts and sessions are lost when it restarts; " +
        "set `appendonly yes` in its configuration (the launcher's own Redis and the compose file do)",
    );

  const databaseUrls: Record<string, string> = {};
  for (const p of parts) {
    if (p.database) databaseUrls[p.name] = databaseUrl(postgres.url, profile.dbPrefix + p.database);
  }
  const names = Object.values(databaseUrls).map((u) => new URL(u).pathname.slice(1));
  await prepareDatabases(postgres.url, names, profile.fresh);
  if (profile.fresh) await flushRedisDb(redis.url, profile.redisDb);
  report.ok("databases", `${names.length} ready (${names.join(", ")})`);
  return { postgres, redis, redisUrl: `${redis.url}/${profile.redisDb}`, databaseUrls };
}

/** Starts each part as soon as what it depends on is ready; fails with the part's last log lines. */
async function startInOrder(
  parts: Part[],
  launch: (part: Part) => PartProcess,
  ready: (part: Part, proc: PartProcess) => ReturnType<typeof waitReady>,
  report: Reporter,
): Promise<void> {
  const readiness = new Map<PartName, Promise<void>>();
  const run = async (part: Part) => {
    await Promise.all(part.dependsOn.map((d) => readiness.get(d)));
    const t0 = Date.now();
    const proc = launch(part);
    const outcome = await ready(part, proc);
    if (outcome !== "ready") {
      report.fail(
        part.name,
        `${outcome === "exited" ? "exited before it was ready" : "did not become ready in time"}; last log lines:`,
      );
      report.raw(
        proc
          .tail(30)
          .map((l) => `    ${l}`)
          .join("\n"),
      );
      throw new Error(`${part.name} failed to start (log: ${proc.logFile})`);
    }
    report.ok(part.name, `ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  for (const part of parts) readiness.set(part.name, run(part));
  const results = await Promise.allSettled(readiness.values());
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** The environment a part runs with: the stack's shared settings plus its own upstreams. */
function partEnv(
  part: Part,
  ctx: {
    profile: StackProfile;
    secrets: DevSecrets;
    redisUrl: string;
    databaseUrl?: string;
    stackEnv: StackEnv;
    extra?: Record<string, string>;
  },
): Record<string, string> {
  return {
    PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
    HOME: process.env.HOME ?? "",
    LANG: process.env.LANG ?? "C.UTF-8",
    NODE_ENV: part.name === "storefront" ? "production" : "development",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(portOf(part, ctx.profile)),
    LOG_LEVEL: ctx.profile.logLevel,
    REDIS_PREFIX: ctx.profile.redisPrefix ?? "",
    ...ctx.secrets,
    ADMIN_EMAIL: DEV_ADMIN.email,
    ADMIN_PASSWORD: DEV_ADMIN.password,
    ...(part.redis ? { REDIS_URL: ctx.redisUrl } : {}),
    ...(ctx.databaseUrl ? { DATABASE_URL: ctx.databaseUrl } : {}),
    ...tracingEnv(part, ctx.profile),
    // The stack's Prometheus (started once the parts are ready), read by the admin platform page.
    ...(part.name === "bff"
      ? { PROMETHEUS_URL: `http://127.0.0.1:${prometheusPort(ctx.profile)}` }
      : {}),
    ...part.env(ctx.stackEnv),
    ...ctx.extra,
  };
}

/** How a part's log lines reach the console: all, those mentioning an id, or none. */
function echoer(part: PartName, echo: StackOptions["echoLogs"]) {
  if (!echo) return undefined;
  const matching = echo === true ? undefined : echo.matching;
  return (line: string) => {
    if (!matching || line.includes(matching)) console.log(`[${part}] ${line}`);
  };
}
