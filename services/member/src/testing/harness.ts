/** Test helper: the member app on a throwaway database and Redis prefix, with a token issuer. */
import { createLogger } from "@shop/platform";
import type { App } from "@shop/platform/fastify";
import type { Member } from "@shop/contracts";
import { createTestDatabase, createTestRedis } from "@shop/test-kit";
import assert from "node:assert/strict";
import pg from "pg";
import { buildApp } from "../app.js";
import { readConfig, type Config } from "../config.js";
import { startTokenIssuer, type TokenIssuer } from "./token-issuer.js";

export const INTERNAL_KEY = "test-internal-key-0123456789abcdef";

export interface Harness {
  app: App;
  config: Config;
  issuer: TokenIssuer;
  redis: Awaited<ReturnType<typeof createTestRedis>>["redis"];
  /** Headers for a member token. */
  bearer(
    sub: string,
    role?: "guest" | "customer" | "admin",
    sid?: string,
  ): Promise<Record<string, string>>;
  internal: Record<string, string>;
  /** Creates a member through the internal route (as auth's registration does). */
  createMember(
    fields?: Partial<{ email: string; password: string; name: string }>,
  ): Promise<Member>;
  /** Rows in the members table, read straight from PostgreSQL. */
  countMembers(): Promise<number>;
  /** Runs SQL straight against the test database. */
  sql<T extends object>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const PASSWORD = "correct-horse-42";
let counter = 0;

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db = await createTestDatabase("member");
  const testRedis = await createTestRedis("member");
  const issuer = await startTokenIssuer({ redis: testRedis.redis, prefix: testRedis.prefix });
  const config = readConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: db.url,
    REDIS_URL: testRedis.url,
    REDIS_PREFIX: testRedis.prefix,
    AUTH_URL: issuer.url,
    INTERNAL_KEY,
    ...env,
  });
  const app = await buildApp(config, { logger: createLogger("member", "silent") });
  const sql = async <T extends object>(text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  await app.ready();
  return {
    app,
    config,
    issuer,
    redis: testRedis.redis,
    internal: { "x-internal-key": INTERNAL_KEY },
    async bearer(sub, role = "customer", sid) {
      return {
        authorization: `Bearer ${await issuer.sign({ sub, role, ...(sid ? { sid } : {}) })}`,
      };
    },
    async createMember(fields = {}) {
      counter += 1;
      const payload = {
        email: `member${counter}@example.com`,
        password: PASSWORD,
        name: `Member ${counter}`,
        ...fields,
      };
      const res = await app.inject({
        method: "POST",
        url: "/api/members",
        headers: { "x-internal-key": INTERNAL_KEY },
        payload,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<Member>();
    },
    sql,
    async countMembers() {
      const rows = await sql<{ n: string }>("SELECT count(*) AS n FROM members");
      return Number(rows[0]?.n);
    },
    async close() {
      await app.close();
      await issuer.close();
      await testRedis.cleanup();
      await db.drop();
    },
  };
}
