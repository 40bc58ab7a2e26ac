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
  type DataStore,
} from "./databases.js";
import { portInUse, startProcess, waitReady, type PartProcess } from "./processes.js";
import type { Reporter } from "./report.js";
import { DEV_ADMIN, devSecrets, type DevSecrets } from "./secrets.js";
import { buildStorefrontIfNeeded } from "./storefront-build.js";
import { repoRoot, stackDataDir, type StackProfile } from "./stacks.js";

export interface StackOptions {
  profile: StackProfile;
  report: Reporter;
  /** Start only these parts (and what they depend on). */
  only?: PartName[];
  forceEmbeddedPostgres?: boolean;
  forceOwnRedis?: boolean;
  /** Echo every part's log lines to the console. */
  echoLogs?: boolean;
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

  const busy = (
    await Promise.all(
      parts.map(async (p) => ((await portInUse(portOf(p, profile))) ? p : undefined)),
    )
  ).filter(Boolean) as Part[];
  if (busy.length) {
    for (const p of busy) report.fail(p.name, `port ${portOf(p, profile)} is already in use`);
    throw new Error(
      `ports in use: ${busy.map((p) => `${p.name} :${portOf(p, profile)}`).join(", ")} — is another copy of the platform running? Stop it or free the ports.`,
    );
  }

  const postgres = await ensurePostgres(report, options.forceEmbeddedPostgres);
  report.ok(
    "postgres",
    `${postgres.origin === "started" ? "started" : "found"} ${postgres.url.replace(/:[^:@/]+@/, ":***@")}`,
  );
  const redis = await ensureRedis(report, options.forceOwnRedis);
  report.ok(
    "redis",
    `${redis.origin === "started" ? "started" : "found"} ${redis.url} (DB ${profile.redisDb})`,
  );
  const redisUrl = `${redis.url}/${profile.redisDb}`;

  const databaseUrls: Record<string, string> = {};
  for (const p of parts)
    if (p.database) databaseUrls[p.name] = databaseUrl(postgres.url, profile.dbPrefix + p.database);
  await prepareDatabases(
    postgres.url,
    Object.values(databaseUrls).map((u) => new URL(u).pathname.slice(1)),
    profile.fresh,
  );
  if (profile.fresh) await flushRedisDb(redis.url, profile.redisDb);
  report.ok(
    "databases",
    `${Object.keys(databaseUrls).length} ready (${Object.values(databaseUrls)
      .map((u) => new URL(u).pathname.slice(1))
      .join(", ")})`,
  );

  if (parts.some((p) => p.name === "storefront")) await buildStorefrontIfNeeded(report);

  const secrets = devSecrets();
  const dataDir = stackDataDir(profile);
  const logDir = join(dataDir, "logs");
  const processes = new Map<PartName, PartProcess>();
  const stackEnv = {
    url: (n: PartName) => urls[n],
    port: (n: PartName) => Number(new URL(urls[n]).port),
    dataDir,
  };

  const stop = async () => {
    for (const p of [...parts].reverse()) {
      const proc = processes.get(p.name);
      if (proc && !proc.exited()) await proc.stop();
    }
    await redis.stop();
    await postgres.stop();
  };

  const started = Date.now();
  const readiness = new Map<PartName, Promise<void>>();
  const launch = async (part: Part): Promise<void> => {
    await Promise.all(part.dependsOn.filter((d) => readiness.has(d)).map((d) => readiness.get(d)));
    const env = partEnv(part, {
      profile,
      secrets,
      redisUrl,
      databaseUrl: databaseUrls[part.name],
      stackEnv,
    });
    const t0 = Date.now();
    report.step(part.name, `starting on :${env.PORT}`);
    const proc = startProcess({
      name: part.name,
      command: part.command,
      cwd: join(repoRoot, part.folder),
      env,
      logDir,
      echo: options.echoLogs ? (line) => console.log(`[${part.name}] ${line}`) : undefined,
    });
    processes.set(part.name, proc);
    const outcome = await waitReady(
      `${urls[part.name]}${part.readyPath ?? "/health/ready"}`,
      proc,
      part.readyTimeoutMs ?? 60_000,
    );
    if (outcome !== "ready") {
      report.fail(
        part.name,
        outcome === "exited"
          ? "exited before it was ready; last log lines:"
          : "did not become ready in time; last log lines:",
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

  try {
    for (const part of parts) readiness.set(part.name, launch(part));
    await Promise.all(readiness.values());
  } catch (error) {
    // Let the other launches settle before stopping everything.
    await Promise.allSettled(readiness.values());
    await stop();
    throw error;
  }
  report.ok(
    "platform",
    `all ${parts.length} parts ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  return {
    profile,
    urls,
    parts,
    processes,
    postgres,
    redis,
    redisUrl,
    databaseUrls,
    secrets,
    admin: DEV_ADMIN,
    logDir,
    stop,
  };
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
    REDIS_PREFIX: "",
    ...ctx.secrets,
    ADMIN_EMAIL: DEV_ADMIN.email,
    ADMIN_PASSWORD: DEV_ADMIN.password,
    ...(part.redis ? { REDIS_URL: ctx.redisUrl } : {}),
    ...(ctx.databaseUrl ? { DATABASE_URL: ctx.databaseUrl } : {}),
    ...part.env(ctx.stackEnv),
  };
}
