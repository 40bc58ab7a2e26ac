/** The parts app.ts assembles: Redis clients, the cache with its events, settings, error answers. */
import { AppError, toProblem, type Logger } from "@shop/platform";
import { createRedis, type createRevocationList } from "@shop/platform/redis";
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Duplex } from "node:stream";
import { subscribeCacheEvents } from "./cache/cache-events.js";
import { MemoryStore } from "./cache/memory-store.js";
import { RedisStore } from "./cache/redis-store.js";
import { ResponseCache } from "./cache/response-cache.js";
import { list, type GatewayEnv } from "./config.js";
import type { GatewayFile } from "./config/schema.js";
import { TrustedProxies } from "./http/client.js";
import type { GatewaySettings } from "./http/context.js";
import type { IdempotencyOptions } from "./idempotency/idempotency.js";
import { IdempotencyStore } from "./idempotency/idempotency-store.js";
import type { Route } from "./routing/router.js";
import { fetchBuffered } from "./upstreams/proxy.js";
import type { Upstream } from "./upstreams/upstreams.js";

export interface RedisClients {
  /** Commands (cache, idempotency, rate limits): auto-pipelined, failing fast while disconnected. */
  redis: Redis;
  subscriber: Redis;
  ready: () => boolean;
  /** Resolves once the command connection is ready (never rejects). */
  connected: Promise<void>;
}

export function connectRedis(url: string, logger: Logger): RedisClients {
  const redis = redisClient(url, "gateway", logger, {
    enableAutoPipelining: true,
    enableOfflineQueue: false,
    commandTimeout: 1_000,
  });
  // No ready check on a subscriber: its INFO check fails once the connection is in subscriber mode.
  const subscriber = redisClient(url, "gateway-events", logger, {
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
  });
  const ready = () => redis.status === "ready";
  const connected = new Promise<void>((resolve) =>
    ready() ? resolve() : redis.once("ready", () => resolve()),
  );
  return { redis, subscriber, ready, connected };
}

function redisClient(
  url: string,
  name: string,
  logger: Logger,
  options: Parameters<typeof createRedis>[1],
): Redis {
  const client = createRedis(url, { name, ...options });
  let lastWarning = 0;
  client.on("error", (error: Error) => {
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    logger.warn(
      { err: error, client: name },
      "redis unavailable; the cache steps aside and idempotent routes answer 503",
    );
  });
  return client;
}

export interface CacheParts {
  file: GatewayFile;
  upstreams: Map<string, Upstream>;
  clients: RedisClients;
  prefix: string;
  routes: readonly Route[];
  logger: Logger;
}

/** The response cache with its two tiers, its upstream fetch and its event subscriptions. */
export function createCache(parts: CacheParts): {
  cache: ResponseCache;
  subscribed: Promise<unknown>;
} {
  const { file, upstreams, clients, logger } = parts;
  let announce: (key: string) => void = () => undefined;
  const cache = new ResponseCache({
    memory: new MemoryStore(file.cache.memory.maxEntries, file.cache.memory.maxSize),
    shared: new RedisStore(clients.redis, parts.prefix),
    sharedReady: clients.ready,
    fetch: (route, path, query, headers) =>
      fetchBuffered({
        upstream: upstreams.get(route.upstream)!,
        method: "GET",
        path: query ? `${route.rewrite(path)}?${query}` : route.rewrite(path),
        headers,
        body: null,
        timeoutMs: route.timeoutMs,
      }),
    announce: (key) => announce(key),
    logger,
  });
  clients.redis.on("close", () => cache.clearLocal());
  const events = subscribeCacheEvents({
    subscriber: clients.subscriber,
    publisher: clients.redis,
    prefix: parts.prefix,
    routes: parts.routes,
    cache,
    instanceId: randomUUID(),
    logger,
  });
  announce = events.announce;
  events.subscribed.catch((error: unknown) =>
    logger.warn({ err: error }, "cache event subscription failed"),
  );
  return { cache, subscribed: events.subscribed };
}

export function idempotencyOptions(
  file: GatewayFile,
  clients: RedisClients,
  prefix: string,
  logger: Logger,
): IdempotencyOptions {
  return {
    store: new IdempotencyStore(clients.redis),
    ready: clients.ready,
    prefix,
    retentionMs: file.idempotency.retention,
    inFlightMs: file.idempotency.inFlight,
    maxResponseSize: file.idempotency.maxResponseSize,
    logger,
  };
}

export function settingsFrom(env: GatewayEnv, file: GatewayFile): GatewaySettings {
  return {
    internalKey: env.INTERNAL_KEY,
    trustedProxies: new TrustedProxies(list(env.TRUSTED_PROXIES) ?? file.trustedProxies),
    cors: { ...file.cors, origins: list(env.CORS_ORIGINS) ?? file.cors.origins },
    accessLog: env.ENABLE_ACCESS_LOG,
    rateLimitEnabled: env.ENABLE_RATE_LIMIT,
  };
}

/** Unparseable requests still get problem details (431 for oversized headers), then the connection closes. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const detail = tooLarge ? "The request headers are too large" : "The request is not valid HTTP";
  const problem = toProblem(new AppError("VALIDATION_FAILED", detail));
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    ...problem.body,
    status,
    ...(tooLarge ? { title: "Request header fields too large" } : {}),
  });
  const reason = tooLarge ? "Request Header Fields Too Large" : "Bad Request";
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/problem+json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** The revocation list loads in the background; a failed first load is retried until Redis answers. */
export function startRevocations(
  revocations: ReturnType<typeof createRevocationList>,
  logger: Logger,
): Promise<void> {
  return new Promise((resolve) => {
    const attempt = () =>
      revocations.start().then(resolve, (error: unknown) => {
        logger.warn({ err: error }, "revocation list not loaded yet; retrying");
        setTimeout(attempt, 2_000).unref();
      });
    attempt();
  });
}

export function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]).finally(() => clearTimeout(timer));
}
