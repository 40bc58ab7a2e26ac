/**
 * The gateway's two Redis connections: commands (cache, idempotency, rate limits) that fail fast
 * while Redis is away, and a subscriber for cache events that keeps retrying.
 */
import type { Logger } from "@shop/platform";
import { createRedis } from "@shop/platform/redis";
import type { Redis } from "ioredis";

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
