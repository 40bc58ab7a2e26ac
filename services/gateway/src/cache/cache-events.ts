/**
 * Keeps the cache coherent: catalogue change events (`${prefix}catalog.events`) purge the entries
 * they affect, and `${prefix}gateway.cache` tells other gateway processes which keys were re-stored
 * so they drop their in-memory copies.
 */
import { CATALOG_EVENTS_CHANNEL, CatalogEvent } from "@shop/contracts";
import type { Logger } from "@shop/platform";
import type { Redis } from "ioredis";
import type { Route } from "../routing/router.js";
import { tagsForEvent } from "./cache-policy.js";
import type { ResponseCache } from "./response-cache.js";

export const CACHE_CHANNEL = "gateway.cache";

export interface CacheEventsOptions {
  subscriber: Redis;
  publisher: Redis;
  prefix: string;
  routes: readonly Route[];
  cache: ResponseCache;
  instanceId: string;
  logger: Logger;
}

export function subscribeCacheEvents(options: CacheEventsOptions): {
  subscribed: Promise<unknown>;
  announce: (key: string) => void;
} {
  const { subscriber, prefix, cache, logger } = options;
  const catalogChannel = prefix + CATALOG_EVENTS_CHANNEL;
  const cacheChannel = prefix + CACHE_CHANNEL;

  subscriber.on("message", (channel: string, message: string) => {
    if (channel === cacheChannel) {
      const [op, origin, key] = message.split(" ", 3);
      if (op === "set" && origin !== options.instanceId && key) cache.forget(key);
      return;
    }
    if (channel !== catalogChannel) return;
    let event: CatalogEvent;
    try {
      event = CatalogEvent.parse(JSON.parse(message));
    } catch {
      logger.warn({ channel }, "ignored a malformed catalogue event");
      return;
    }
    const tags = tagsForEvent(options.routes, event);
    if (tags.length === 0) return;
    cache.purge(tags).then(
      (removed) =>
        logger.info(
          { event: event.type, id: event.id, removed },
          "cache purged by catalogue event",
        ),
      (error: unknown) => logger.warn({ err: error, event: event.type }, "cache purge failed"),
    );
  });
  // A missed message while disconnected could leave stale local copies: start clean on reconnect.
  subscriber.on("ready", () => cache.clearLocal());

  return {
    subscribed: subscriber.subscribe(catalogChannel, cacheChannel),
    announce(key) {
      options.publisher
        .publish(cacheChannel, `set ${options.instanceId} ${key}`)
        .catch(() => undefined);
    },
  };
}
