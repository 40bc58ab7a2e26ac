/**
 * Test helper: the real auth service in process and the real member service as a child process
 * (test-kit's startMemberService), both on loopback ports, sharing a throwaway PostgreSQL
 * database and a random Redis key prefix.
 */
import { createLogger } from "@shop/platform";
import { createTestDatabase, createTestRedis, freePort, startMemberService } from "@shop/test-kit";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { buildApp, type AuthApp } from "../app.js";
import { readConfig, type Config } from "../config.js";

export const INTERNAL_KEY = "test-internal-key-0123456789abcdef";
export const CLIENT_KEY = "test-client-key-0123456789abcdefghij";
export const ADMIN = { email: "admin@shop.local", password: "shop-admin-2026" };
export const basic = (id = "storefront", key = CLIENT_KEY) =>
  `Basic ${Buffer.from(`${id}:${key}`).toString("base64")}`;

export interface CallResult {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers of many shapes
}

export interface Stack {
  authUrl: string;
  memberUrl: string;
  config: Config;
  redisUrl: string;
  redisPrefix: string;
  keyDir: string;
  auth: AuthApp;
  /** Calls auth (or member with `member: true`); `client` adds the first-party Basic header. */
  call(
    path: string,
    options?: {
      method?: string;
      json?: unknown;
      raw?: string;
      headers?: Record<string, string>;
      client?: boolean;
      bearer?: string;
      member?: boolean;
    },
  ): Promise<CallResult>;
  sql<T extends object>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startStack(authEnv: Record<string, string> = {}): Promise<Stack> {
  const db = await createTestDatabase("auth_member");
  const redis = await createTestRedis("auth");
  const authPort = await freePort();
  const authUrl = `http://127.0.0.1:${authPort}`;
  const shared = {
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    INTERNAL_KEY,
  };

  const member = await startMemberService({
    databaseUrl: db.url,
    redisUrl: redis.url,
    redisPrefix: redis.prefix,
    authUrl,
    internalKey: INTERNAL_KEY,
    admin: ADMIN,
  });
  const memberUrl = member.url;

  const keyDir = mkdtempSync(join(tmpdir(), "auth-keys-"));
  const config = readConfig({
    ...shared,
    MEMBER_URL: memberUrl,
    KEY_DIR: keyDir,
    AUTH_CLIENT_KEY: CLIENT_KEY,
    ...authEnv,
  });
  const auth = await buildApp(config, { logger: createLogger("auth", "silent") });
  const server: Server = await new Promise((resolve) => {
    const s = auth.koa.listen(authPort, "127.0.0.1", () => resolve(s));
  });

  return {
    authUrl,
    memberUrl,
    config,
    redisUrl: redis.url,
    redisPrefix: redis.prefix,
    keyDir,
    auth,
    sql: (text, values) => query(db.url, text, values),
    call: (path, options) => call(authUrl, memberUrl, path, options),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await auth.close();
      await member.stop();
      await redis.cleanup();
      await db.drop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

type CallOptions = NonNullable<Parameters<Stack["call"]>[1]>;

async function call(
  authUrl: string,
  memberUrl: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.client) headers.authorization = basic();
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  let body: string | undefined = options.raw;
  if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const res = await fetch(`${options.member ? memberUrl : authUrl}${path}`, {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
  const text = await res.text();
  const isJson = /json/.test(res.headers.get("content-type") ?? "");
  return {
    status: res.status,
    headers: res.headers,
    body: text && isJson ? JSON.parse(text) : text,
  };
}

async function query<T extends object>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
