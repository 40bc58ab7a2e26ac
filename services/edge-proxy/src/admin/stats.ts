/** GET /_edge/stats — the HTML cache's counters since start (hit ratio for benchmarks and operators). */
import { AppError, type Logger, type TokenVerifier } from "@shop/platform";
import { z } from "zod";
import type { HtmlCache } from "../html-cache/html-cache.js";
import { authorise } from "./purge.js";

export const StatsAnswer = z.object({
  html: z.object({
    hit: z.number().int(),
    stale: z.number().int(),
    miss: z.number().int(),
    collapsed: z.number().int(),
    bypass: z.number().int(),
    renders: z.number().int(),
    failed: z.number().int(),
    hitRatio: z.number().describe("(hit + stale + collapsed) / cacheable page requests"),
  }),
  memory: z.object({ entries: z.number().int(), bytes: z.number().int() }),
  uptimeSeconds: z.number().int(),
});

/** Counters plus the hit ratio over cacheable page requests. */
export function cacheStats(cache: HtmlCache) {
  const s = cache.stats;
  const served = s.hit + s.stale + s.collapsed;
  const cacheable = served + s.miss + s.failed;
  return { ...s, hitRatio: cacheable ? Math.round((served / cacheable) * 10_000) / 10_000 : 0 };
}

export async function handleStats(
  request: Request,
  deps: { cache: HtmlCache; verifier: TokenVerifier; internalKey: string; startedAt: number },
): Promise<Response> {
  if (request.method !== "GET")
    throw new AppError("METHOD_NOT_ALLOWED", "Use GET", { headers: { allow: "GET" } });
  await authorise(request, deps);
  return Response.json({
    html: cacheStats(deps.cache),
    memory: deps.cache.memory.size,
    uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
  } satisfies z.infer<typeof StatsAnswer>);
}

/** Logs the counters once a minute when they changed (hits are not logged one by one). */
export function startSummary(cache: HtmlCache, logger: Logger, everyMs = 60_000): () => void {
  let last = "";
  const timer = setInterval(() => {
    const stats = cacheStats(cache);
    const line = JSON.stringify(stats);
    if (line === last) return;
    last = line;
    logger.info({ cache: stats, memory: cache.memory.size }, "html cache summary");
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
