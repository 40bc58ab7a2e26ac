/** The long-lived pieces of the edge (Redis, the HTML cache, sessions, token checks, health), built from config. */
import { type Logger } from "@shop/platform";
import { createAccessTokenVerification } from "@shop/platform/redis";
import type { Config } from "./config.js";
import { createEdgeHealth } from "./health.js";
import { HtmlCache } from "./html-cache/html-cache.js";
import { MemoryTier } from "./html-cache/memory-tier.js";
import { RedisConnection } from "./redis.js";
import { forward } from "./routing/upstream.js";
import { AuthClient } from "./clients/auth.client.js";
import { SessionGateway } from "./clients/gateway.client.js";
import { GuestIssuer } from "./session/guest.js";
import { Refresher } from "./session/refresh.js";
import { SessionManager } from "./session/session.js";

export function createResources(config: Config, logger: Logger) {
  const redis = new RedisConnection({ url: config.REDIS_URL, prefix: config.REDIS_PREFIX, logger });
  const auth = new AuthClient({ authUrl: config.AUTH_URL, clientKey: config.AUTH_CLIENT_KEY });
  const refresher = new Refresher(auth);
  const guests = new GuestIssuer(auth, redis, {
    limit: config.GUEST_RATE_LIMIT,
    windowSeconds: config.GUEST_RATE_WINDOW_SECONDS,
  });
  const maxEntryBytes = config.HTML_CACHE_MAX_ENTRY_KB * 1024;
  const cache = new HtmlCache({
    memory: new MemoryTier({
      budgetBytes: config.HTML_CACHE_MEMORY_MB * 1024 * 1024,
      maxEntryBytes,
    }),
    redis,
    logger,
    maxEntryBytes,
    defaults: {
      ttl: config.HTML_CACHE_TTL_SECONDS,
      swr: config.HTML_CACHE_STALE_WHILE_REVALIDATE_SECONDS,
      sie: config.HTML_CACHE_STALE_IF_ERROR_SECONDS,
    },
    lockTtlMs: config.HTML_CACHE_LOCK_TTL_MS,
    lockWaitMs: config.HTML_CACHE_LOCK_WAIT_MS,
    render: (pk, ctx) =>
      forward(`${config.STOREFRONT_URL}${pk.path}${pk.search}`, {
        method: "GET",
        headers: ctx.headers,
        timeoutMs: config.PAGE_TIMEOUT_MS,
        upstream: "storefront",
      }),
  });
  const { verifier, revocations } = createAccessTokenVerification({
    authUrl: config.AUTH_URL,
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    logger,
  });
  const gateway = new SessionGateway({
    gatewayUrl: config.GATEWAY_URL,
    clientKey: config.AUTH_CLIENT_KEY,
    timeoutMs: config.API_TIMEOUT_MS,
  });
  return {
    redis,
    cache,
    refresher,
    gateway,
    sessions: new SessionManager(refresher, guests, config.REFRESH_LEEWAY_SECONDS),
    verifier,
    revocations,
    health: createEdgeHealth(redis, config.STOREFRONT_URL, config.GATEWAY_URL),
  };
}
