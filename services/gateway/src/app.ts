/** Builds the gateway (without listening) from its environment and its route file. */
import { createHealth, createLogger, startMetrics, type Health, type Logger } from "@shop/platform";
import { createRevocationList } from "@shop/platform/redis";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ResponseCache } from "./cache/response-cache.js";
import type { GatewayEnv } from "./config.js";
import type { GatewayFile } from "./gateway-file/schema.js";
import { createHandler } from "./http/handler.js";
import { ownRoutes } from "./http/own-routes.js";
import { createIdentityResolver } from "./identity/identity.js";
import { createRateLimiter } from "./rate-limit/rate-limiter.js";
import { createRouter } from "./routing/router.js";
import { closeUpstreams, createUpstreams } from "./upstreams/upstreams.js";
import { createWarmUp, type WarmUp } from "./warm-up/warm-up.js";
import { createCache } from "./cache/create-cache.js";
import { answerClientError } from "./http/client-error.js";
import { settingsFrom } from "./http/settings.js";
import { idempotencyOptions } from "./idempotency/idempotency-options.js";
import { startRevocations } from "./identity/revocations.js";
import { connectRedis } from "./redis-clients.js";

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

export function buildApp(
  env: GatewayEnv,
  file: GatewayFile,
  logger: Logger = createLogger("gateway", env.LOG_LEVEL),
): Gateway {
  startMetrics("gateway");
  const prefix = env.REDIS_PREFIX;
  const router = createRouter(file);
  const upstreams = createUpstreams(file, env.upstreamUrls);
  const clients = connectRedis(env.REDIS_URL, logger);
  const redis = clients.redis;
  const revocations = createRevocationList(env.REDIS_URL, { prefix, logger });
  const jwksUrl = `${env.AUTH_URL}/.well-known/jwks.json`;
  const identity = createIdentityResolver({ jwksUrl, revocations, logger });
  const parts = { file, upstreams, clients, prefix, routes: router.routes, logger };
  const { cache, subscribed } = createCache(parts);
  const health = createHealth("gateway", {
    redis: () => redis.ping(),
    jwks: async () => {
      if (!(await identity.keysLoaded())) throw new Error("signing keys not loaded");
    },
  });
  const { interval: intervalMs, initialDelay: initialDelayMs, paths } = file.warmUp;
  const warmUp = createWarmUp({
    paths,
    intervalMs,
    initialDelayMs,
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
    rateLimiter: createRateLimiter(redis, prefix, logger, clients.ready),
    cache,
    idempotency: idempotencyOptions(file, clients, prefix, logger),
    settings: settingsFrom(env, file),
    logger,
    ownRoutes: ownRoutes(health, router.routes, logger),
  });
  const server = createServer({ keepAliveTimeout: 65_000 }, handler);
  server.on("clientError", answerClientError);
  const revocationsStarted = startRevocations(revocations, logger);
  identity.start();
  if (env.ENABLE_WARM_UP) warmUp.start();

  return {
    server,
    cache,
    warmUp,
    health,
    logger,
    settled: (timeoutMs = 3_000) =>
      withTimeout(
        Promise.all([clients.connected, subscribed.catch(() => 0), revocationsStarted]),
        timeoutMs,
      ),
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
      clients.subscriber.disconnect();
      redis.disconnect();
    },
  };
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]).finally(() => clearTimeout(timer));
}
