/** Builds the gateway (without listening) from its environment and its route file. */
import { createHealth, createLogger, type Health, type Logger } from "@shop/platform";
import { createRedis, createRevocationList } from "@shop/platform/redis";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";
import { subscribeCacheEvents } from "./cache/cache-events.js";
import { MemoryStore } from "./cache/memory-store.js";
import { RedisStore } from "./cache/redis-store.js";
import { ResponseCache } from "./cache/response-cache.js";
import { list, type GatewayEnv } from "./config.js";
import type { GatewayFile } from "./config/schema.js";
import type { GatewaySettings } from "./http/context.js";
import { createHandler } from "./http/handler.js";
import { ownRoutes } from "./http/own-routes.js";
import { IdempotencyStore } from "./idempotency/idempotency-store.js";
import { createIdentityResolver } from "./identity/identity.js";
import { createRateLimiter } from "./rate-limit/rate-limiter.js";
import { createRouter, type Route } from "./routing/router.js";
import { fetchBuffered } from "./upstreams/proxy.js";
import { closeUpstreams, createUpstreams, type Upstream } from "./upstreams/upstreams.js";
import { createWarmUp, type WarmUp } from "./warm-up/warm-up.js";

export interface Gateway {
  server: Server;
  cache: ResponseCache;
  warmUp: WarmUp;
  health: Health;
  logger: Logger;
  /** Resolves once Redis answered and the event subscriptions are in place (or after `timeoutMs`). */
  settled(timeoutMs?: number): Promise<void>;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function buildApp(env: GatewayEnv, file: GatewayFile, logger: Logger = createLogger("gateway", env.LOG_LEVEL)): Gateway {
  const prefix = env.REDIS_PREFIX;
  const router = createRouter(file);
  const upstreams = createUpstreams(file, env.upstreamUrls);
  const redis = redisClient(env.REDIS_URL, "gateway", logger, { enableAutoPipelining: true, enableOfflineQueue: false, commandTimeout: 1_000 });
  // No ready check on a subscriber: its INFO check fails once the connection is in subscriber mode.
  const subscriber = redisClient(env.REDIS_URL, "gateway-events", logger, { maxRetriesPerRequest: null, enableReadyCheck: false });
  const redisReady = () => redis.status === "ready";
  const revocations = createRevocationList(env.REDIS_URL, { prefix, logger });
  const identity = createIdentityResolver({ jwksUrl: `${env.AUTH_URL}/.well-known/jwks.json`, revocations, logger });
  const { cache, subscribed } = createCache({ file, upstreams, redis, subscriber, redisReady, prefix, routes: router.routes, logger });
  const health = createHealth("gateway", {
    redis: () => redis.ping(),
    jwks: async () => {
      if (!(await identity.keysLoaded())) throw new Error("signing keys not loaded");
    },
  });
  const warmUp = createWarmUp({
    paths: file.warmUp.paths,
    intervalMs: file.warmUp.interval,
    initialDelayMs: file.warmUp.initialDelay,
    router,
    cache,
    redis,
    prefix,
    logger,
  });
  const handler = createHandler({
    router,
    upstreams,
    identity,
    rateLimiter: createRateLimiter(redis, prefix, logger, redisReady),
    cache,
    idempotency: {
      store: new IdempotencyStore(redis),
      ready: redisReady,
      prefix,
      retentionMs: file.idempotency.retention,
      inFlightMs: file.idempotency.inFlight,
      maxResponseSize: file.idempotency.maxResponseSize,
      logger,
    },
    settings: settingsFrom(env, file),
    logger,
    ownRoutes: ownRoutes(health, router.routes, logger),
  });
  const server = createServer({ keepAliveTimeout: 65_000 }, handler);
  const revocationsStarted = startRevocations(revocations, logger);
  identity.start();
  if (env.ENABLE_WARM_UP) warmUp.start();

  return {
    server,
    cache,
    warmUp,
    health,
    logger,
    async settled(timeoutMs = 3_000) {
      const waitReady = new Promise<void>((resolve) => (redisReady() ? resolve() : redis.once("ready", () => resolve())));
      const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
      await withTimeout(Promise.all([waitReady, quiet(subscribed), revocationsStarted]), timeoutMs);
    },
    listen(port, host = env.HOST) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    async close() {
      warmUp.stop();
      identity.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await closeUpstreams(upstreams);
      await revocations.close();
      subscriber.disconnect();
      redis.disconnect();
    },
  };
}

interface CacheParts {
  file: GatewayFile;
  upstreams: Map<string, Upstream>;
  redis: Redis;
  subscriber: Redis;
  redisReady: () => boolean;
  prefix: string;
  routes: readonly Route[];
  logger: Logger;
}

/** The response cache with its two tiers, its upstream fetch and its event subscriptions. */
function createCache(parts: CacheParts): { cache: ResponseCache; subscribed: Promise<unknown> } {
  const { file, upstreams, redis, logger } = parts;
  let announce: (key: string) => void = () => undefined;
  const cache = new ResponseCache({
    memory: new MemoryStore(file.cache.memory.maxEntries, file.cache.memory.maxSize),
    shared: new RedisStore(redis, parts.prefix),
    sharedReady: parts.redisReady,
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
  redis.on("close", () => cache.clearLocal());
  const events = subscribeCacheEvents({
    subscriber: parts.subscriber,
    publisher: redis,
    prefix: parts.prefix,
    routes: parts.routes,
    cache,
    instanceId: randomUUID(),
    logger,
  });
  announce = events.announce;
  events.subscribed.catch((error: unknown) => logger.warn({ err: error }, "cache event subscription failed"));
  return { cache, subscribed: events.subscribed };
}

function settingsFrom(env: GatewayEnv, file: GatewayFile): GatewaySettings {
  return {
    internalKey: env.INTERNAL_KEY,
    trustedProxies: new Set(list(env.TRUSTED_PROXIES) ?? file.trustedProxies),
    cors: { ...file.cors, origins: list(env.CORS_ORIGINS) ?? file.cors.origins },
    accessLog: env.ENABLE_ACCESS_LOG,
    rateLimitEnabled: env.ENABLE_RATE_LIMIT,
  };
}

function redisClient(url: string, name: string, logger: Logger, options: Parameters<typeof createRedis>[1]): Redis {
  const client = createRedis(url, { name, ...options });
  let lastWarning = 0;
  client.on("error", (error: Error) => {
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    logger.warn({ err: error, client: name }, "redis unavailable; the cache steps aside and idempotent routes answer 503");
  });
  return client;
}

/** The revocation list loads in the background; a failed first load is retried until Redis answers. */
function startRevocations(list: ReturnType<typeof createRevocationList>, logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const attempt = () =>
      list.start().then(resolve, (error: unknown) => {
        logger.warn({ err: error }, "revocation list not loaded yet; retrying");
        setTimeout(attempt, 2_000).unref();
      });
    attempt();
  });
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]).finally(() => clearTimeout(timer));
}
