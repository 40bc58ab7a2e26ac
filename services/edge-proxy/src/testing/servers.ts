/**
 * Test helpers: real Bun.serve upstreams on port 0 (storefront, gateway, auth stand-ins) and the
 * edge itself on port 0 against a random Redis prefix on the test DB.
 */
import type { Server } from "bun";
import { testPrefix, testRedisUrl } from "@shop/test-kit";
import { Redis } from "ioredis";
import { buildApp, type EdgeApp } from "../app.js";
import { readConfig } from "../config.js";

export interface Seen {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: string;
}

export interface TestServer {
  url: string;
  port: number;
  seen: Seen[];
  stop(): Promise<void>;
}

/** Starts a Bun.serve on a free port that records every request it receives. */
export function startServer(
  handler: (request: Request, seen: Seen) => Response | Promise<Response>,
  port = 0,
): TestServer {
  const seen: Seen[] = [];
  const server: Server<unknown> = Bun.serve({
    port,
    idleTimeout: 30,
    async fetch(request) {
      const url = new URL(request.url);
      const entry: Seen = {
        method: request.method,
        path: url.pathname,
        search: url.search,
        headers: request.headers,
        body: request.body ? await request.text() : "",
      };
      seen.push(entry);
      return handler(request, entry);
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    port: server.port!,
    seen,
    stop: () => server.stop(true),
  };
}

/** An HTML page answer the way the storefront sends catalogue pages. */
export function htmlPage(
  body: string,
  headers: Record<string, string> = {},
  status = 200,
): Response {
  return new Response(`<!doctype html><html><body>${body}</body></html>`, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
      "surrogate-control": "max-age=60, stale-while-revalidate=300, stale-if-error=86400",
      ...headers,
    },
  });
}

export interface TestEdge {
  url: string;
  app: EdgeApp;
  prefix: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export interface EdgeOptions {
  storefront?: string;
  gateway?: string;
  auth?: string;
  env?: Record<string, string>;
  /** Share the Redis prefix with another edge (a second proxy process of the same stack). */
  prefix?: string;
}

const NOWHERE = "http://127.0.0.1:9";

export async function startEdge(options: EdgeOptions = {}): Promise<TestEdge> {
  const prefix = options.prefix ?? testPrefix("edge");
  const env = {
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    STOREFRONT_URL: options.storefront ?? NOWHERE,
    GATEWAY_URL: options.gateway ?? NOWHERE,
    AUTH_URL: options.auth ?? NOWHERE,
    REDIS_URL: testRedisUrl,
    REDIS_PREFIX: prefix,
    INTERNAL_KEY: "test-internal-key",
    AUTH_CLIENT_KEY: "test-client-key",
    ...options.env,
  };
  const config = readConfig(env);
  const app = buildApp(config);
  await app.start();
  if (!options.env?.REDIS_URL) await app.ready(3_000);
  const server = Bun.serve({ port: 0, fetch: app.fetch, idleTimeout: 30 });
  return {
    url: `http://127.0.0.1:${server.port}`,
    app,
    prefix,
    redisUrl: config.REDIS_URL,
    async stop() {
      await server.stop(true);
      await app.close();
    },
  };
}

/** Deletes every test key under `prefix` (never FLUSHDB: other suites share DB 15). */
export async function cleanupPrefix(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
  redis.disconnect();
}

/** Publishes on the stack's Redis (what the product service does for catalogue events). */
export async function publish(channel: string, message: string): Promise<number> {
  const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  try {
    return await redis.publish(channel, message);
  } finally {
    redis.disconnect();
  }
}

/** Tracks what a test started so `stopAll` can stop it in reverse order. */
export function tracker() {
  const stops: Array<() => Promise<void>> = [];
  return {
    add(stop: () => Promise<void>) {
      stops.push(stop);
    },
    async stopAll() {
      while (stops.length) await stops.pop()!();
    },
  };
}

/** A storefront stand-in plus an edge in front of it, stopped by `track`. */
export async function edgeWithStorefront(
  track: ReturnType<typeof tracker>,
  handler: Parameters<typeof startServer>[0],
  options: Omit<EdgeOptions, "storefront"> = {},
): Promise<{ edge: TestEdge; storefront: TestServer }> {
  const storefront = startServer(handler);
  const edge = await startEdge({ ...options, storefront: storefront.url });
  track.add(async () => {
    await edge.stop();
    await storefront.stop();
    if (!options.prefix) await cleanupPrefix(edge.prefix);
  });
  return { edge, storefront };
}
