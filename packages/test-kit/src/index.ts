/**
 * @shop/test-kit: helpers for tests against the real PostgreSQL and Redis.
 *
 * Every helper isolates what it creates (a throwaway database, a random key prefix, a free
 * port) so tests can run beside a developer's running platform and beside each other.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { Redis } from "ioredis";

/** Admin connection for creating test databases (`TEST_POSTGRES_URL`, default local trust auth). */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Redis for tests (`TEST_REDIS_URL`, default DB 15 of the local server). */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/15";

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database (terminating leftover connections). */
  drop(): Promise<void>;
}

/**
 * Creates an empty database named `<prefix>_test_<random>` and returns its URL.
 *
 * @example
 * const db = await createTestDatabase("member");
 * after(() => db.drop());
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_test_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdmin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A random Redis key prefix like `test:ab12cd34:`, for isolating one test file's keys. */
export function testPrefix(name = "test"): string {
  return `${name}:${randomBytes(4).toString("hex")}:`;
}

/**
 * A Redis client for tests plus a cleanup that deletes every key under `prefix`.
 *
 * @example
 * const { redis, prefix, cleanup } = await createTestRedis("gateway");
 */
export async function createTestRedis(name = "test") {
  const prefix = testPrefix(name);
  const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  return {
    redis,
    prefix,
    url: testRedisUrl,
    async cleanup() {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== "0");
      redis.disconnect();
    },
  };
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Polls `check` until it resolves truthy or `timeoutMs` passes. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`waitFor timed out after ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ""}`);
}
