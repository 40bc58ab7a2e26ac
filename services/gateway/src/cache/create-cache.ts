/** The response cache with its two tiers (memory, Redis), its upstream fetch and its events. */
import type { Logger } from "@shop/platform";
import { randomUUID } from "node:crypto";
import type { GatewayFile } from "../gateway-file/schema.js";
import type { RedisClients } from "../redis-clients.js";
import type { Route } from "../routing/router.js";
import { fetchBuffered } from "../upstreams/proxy.js";
import type { Upstream } from "../upstreams/upstreams.js";
import { subscribeCacheEvents } from "./cache-events.js";
import { MemoryStore } from "./memory-store.js";
import { RedisStore } from "./redis-store.js";
import { ResponseCache } from "./response-cache.js";

export interface CacheParts {
  file: GatewayFile;
  upstreams: Map<string, Upstream>;
  clients: RedisClients;
  prefix: string;
  routes: readonly Route[];
  logger: Logger;
}

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
