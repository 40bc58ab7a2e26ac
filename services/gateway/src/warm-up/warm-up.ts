/**
 * Built-in cache warm-up (replaces the description's warm-up.sh): every interval (4 min 30 s, just
 * under the 5-minute TTL) the configured paths are fetched again and stored as a forced refresh,
 * so shoppers keep getting hits. With several gateway processes a Redis lock lets one of them do it.
 */
import type { Logger } from "@shop/platform";
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { cacheKey } from "../cache/cache-policy.js";
import type { CacheStatus } from "../cache/cache-headers.js";
import type { ResponseCache } from "../cache/response-cache.js";
import type { Router } from "../routing/router.js";

export interface WarmUpOptions {
  paths: string[];
  intervalMs: number;
  initialDelayMs: number;
  router: Router;
  cache: ResponseCache;
  redis: Redis;
  prefix: string;
  logger: Logger;
}

export type WarmUpResult =
  { path: string; status: number; cacheStatus: CacheStatus } | { path: string; error: string };

export interface WarmUp {
  /** Refreshes every configured path once (no lock). */
  runOnce(): Promise<WarmUpResult[]>;
  start(): void;
  stop(): void;
}

export function createWarmUp(options: WarmUpOptions): WarmUp {
  const { logger } = options;
  const timers: NodeJS.Timeout[] = [];

  async function refresh(pathAndQuery: string): Promise<WarmUpResult> {
    const [path = "/", query = ""] = pathAndQuery.split("?", 2);
    const match = options.router.match("GET", path);
    if (match.kind !== "route" || !match.route.cache)
      return { path: pathAndQuery, error: "not a cached route" };
    const keyed = cacheKey(path, query, match.route.cache.vary);
    if ("bypass" in keyed) return { path: pathAndQuery, error: keyed.bypass };
    const requestId = `warm-up-${randomUUID()}`;
    try {
      const result = await options.cache.handle(
        {
          route: match.route,
          params: match.params,
          key: keyed.key,
          path,
          query: keyed.query,
          refresh: true,
          headers: () => [
            "accept",
            "application/json",
            "user-agent",
            "shop-gateway-warm-up",
            "x-request-id",
            requestId,
          ],
        },
        () => undefined,
      );
      return { path: pathAndQuery, status: result.status, cacheStatus: result.cacheStatus };
    } catch (error) {
      return { path: pathAndQuery, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function runOnce(): Promise<WarmUpResult[]> {
    return Promise.all(options.paths.map(refresh));
  }

  async function tick(): Promise<void> {
    if (!options.cache.available || options.paths.length === 0) return;
    // One refresh per interval across gateway processes: the lock outlives most of the interval.
    const lockMs = Math.max(100, Math.floor(options.intervalMs * 0.9));
    const lock = await options.redis
      .set(`${options.prefix}gateway:warm-up-lock`, randomUUID(), "PX", lockMs, "NX")
      .catch(() => null);
    if (lock !== "OK") return;
    const results = await runOnce();
    const failed = results.filter((r) => "error" in r || r.status >= 400);
    if (failed.length) logger.warn({ results }, "cache warm-up finished with failures");
    else logger.info({ paths: results.length }, "cache warm-up refreshed");
  }

  return {
    runOnce,
    start() {
      if (options.paths.length === 0) return;
      const initial = setTimeout(() => void tick(), options.initialDelayMs);
      const every = setInterval(() => void tick(), options.intervalMs);
      initial.unref();
      every.unref();
      timers.push(initial, every);
    },
    stop() {
      for (const t of timers) clearTimeout(t);
    },
  };
}
