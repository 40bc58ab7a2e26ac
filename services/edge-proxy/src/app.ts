/**
 * Builds the edge proxy's fetch handler and its resources without listening, so tests run it on
 * a Bun.serve of their own. Dispatch: health (local) → /_edge and /docs (local) → /api/* and
 * /images/* (gateway) → everything else (storefront, through the HTML cache where configured).
 */
import type { Server } from "bun";
import {
  AppError,
  createLogger,
  logRequest,
  METRICS_PATH,
  metricsAnswer,
  reportCacheTotals,
  startMetrics,
  TrustedProxies,
  type Health,
  type Logger,
} from "@shop/platform";
import { requestIdOf, withRequestContext } from "@shop/platform/bun";
import { handlePurge } from "./admin/purge.js";
import { handleStats, startSummary } from "./admin/stats.js";
import type { Config } from "./config.js";
import { docsResponse } from "./docs.js";
import { healthResponse, isLivenessRequest } from "./health.js";
import type { HtmlCache } from "./html-cache/html-cache.js";
import { subscribeCatalogEvents } from "./html-cache/catalog-events.js";
import { splitUrl } from "./html-cache/key.js";
import { handleApi } from "./routing/api.js";
import { checkCsrf } from "./routing/csrf-guard.js";
import { clientInfo } from "./routing/client.js";
import { brandFailedPage, errorResponse } from "./routing/error-page.js";
import { routingDeps, type RoutingDeps } from "./routing/deps.js";
import { bypassReason, memoryHit, passPage, servePage, type PageLookup } from "./routing/pages.js";
import { observeEdgeRequest } from "./routing/request-metrics.js";
import type { ClientInfo } from "./routing/upstream.js";
import { createResources } from "./resources.js";
import type { Refresher } from "./session/refresh.js";
import { handleSessionRoute, isSessionPath } from "./session/session-routes.js";

export interface EdgeApp {
  fetch(request: Request, server?: Server<unknown>): Response | Promise<Response>;
  start(): Promise<void>;
  /** Resolves when Redis is connected and subscribed (false after the timeout). */
  ready(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
  health: Health;
  cache: HtmlCache;
  refresher: Refresher;
}

function fullParse(raw: string): { path: string; search: string } {
  const url = new URL(raw);
  return { path: url.pathname, search: url.search };
}

type Resources = ReturnType<typeof createResources>;

/** Where a request that is not a memory hit goes. */
function createRouter(
  deps: RoutingDeps,
  own: {
    health: Resources["health"];
    verifier: Resources["verifier"];
    gateway: Resources["gateway"];
    startedAt: number;
  },
) {
  const { cache, config } = deps;
  const admin = { cache, verifier: own.verifier, internalKey: config.INTERNAL_KEY };
  const session = {
    gateway: own.gateway,
    trustedOrigins: deps.trustedOrigins,
    warn: (details: Record<string, unknown>, message: string) => deps.logger.warn(details, message),
  };
  return async (request: Request, url: URL, client: ClientInfo, page: PageLookup) => {
    const path = url.pathname;
    if (path === "/health/ready") return healthResponse(await own.health.ready(), client.requestId);
    if (path === METRICS_PATH) return metricsResponse(request);
    if (path === "/_edge/purge") {
      checkCsrf(request, client, deps); // an admin's browser carries the session cookie
      return handlePurge(request, admin);
    }
    if (path === "/_edge/stats")
      return handleStats(request, { ...admin, startedAt: own.startedAt });
    if (isSessionPath(path)) return handleSessionRoute(request, url, client, session);
    if (path === "/docs" || path === "/docs/json") return docsResponse(path);
    if (path.startsWith("/api/") || path === "/api" || path.startsWith("/images/")) {
      return handleApi(request, url, client, deps);
    }
    const answer = page.pk
      ? await servePage(request, page.pk, client, deps, page.cached)
      : await passPage(request, url, client, deps, bypassReason(request, url, deps));
    return brandFailedPage(answer, request, path, client.requestId);
  };
}

/** The edge's own metrics, never forwarded: the storefront's are scraped from it directly. */
async function metricsResponse(request: Request): Promise<Response> {
  const answer = await metricsAnswer(request.headers.get("authorization"));
  return new Response(answer.body, {
    status: answer.status,
    headers: { "content-type": answer.contentType, "cache-control": "no-store" },
  });
}

/** The HTML cache's counters, read at scrape time (the hot path only bumps plain numbers). */
function reportHtmlCache(stats: HtmlCache["stats"]): void {
  reportCacheTotals("html", () => ({
    events: {
      hit: stats.hit,
      stale: stats.stale,
      miss: stats.miss + stats.collapsed,
      coalesced: stats.collapsed,
      bypass: stats.bypass,
      purge: stats.purged,
    },
    fills: stats.renders,
  }));
}

export function buildApp(config: Config, options: { logger?: Logger } = {}): EdgeApp {
  const logger = options.logger ?? createLogger("edge-proxy", config.LOG_LEVEL);
  startMetrics("edge-proxy");
  const { redis, cache, refresher, sessions, verifier, revocations, health, gateway } =
    createResources(config, logger);
  reportHtmlCache(cache.stats);
  const deps = routingDeps(config, logger, cache, sessions);
  const startedAt = Date.now();
  const trustedProxies = new TrustedProxies(config.TRUSTED_PROXIES);
  let stopSummary: (() => void) | undefined;

  const route = createRouter(deps, { health, verifier, gateway, startedAt });

  // The hot path: no URL object, memoised keys, a fresh page in memory answered synchronously.
  function fetch(request: Request, server?: Server<unknown>): Response | Promise<Response> {
    const started = performance.now();
    const parts = splitUrl(request.url) ?? fullParse(request.url);
    if (isLivenessRequest(parts.path, request.headers.get("user-agent"))) {
      return healthResponse(health.live(), requestIdOf(request));
    }
    const hit = memoryHit(request, parts.path, parts.search, deps, started);
    if (hit instanceof Response) return hit;
    return slowPath(request, server, started, hit);
  }

  async function slowPath(
    request: Request,
    server: Server<unknown> | undefined,
    started: number,
    page: PageLookup,
  ): Promise<Response> {
    const url = new URL(request.url);
    const client = clientInfo(request, url, server, trustedProxies);
    return withRequestContext(client.requestId, async () => {
      let response: Response;
      try {
        response = await route(request, url, client, page);
      } catch (error) {
        if (!(error instanceof AppError))
          logger.error({ err: error, path: url.pathname }, "request failed");
        response = errorResponse(error, request, url.pathname, client.requestId);
      }
      if (url.pathname !== METRICS_PATH)
        observeEdgeRequest(request.method, url.pathname, page.pk?.route, response.status, started);
      logRequest(logger, {
        method: request.method,
        path: url.pathname,
        status: response.status,
        durationMs: performance.now() - started,
        cache: response.headers.get("x-cache") ?? undefined,
      });
      return response;
    });
  }

  return {
    fetch,
    health,
    cache,
    refresher,
    async start() {
      stopSummary = startSummary(cache, logger);
      redis.start();
      await cache.start();
      await subscribeCatalogEvents(redis, cache, logger);
      revocations
        .start()
        .catch((error: unknown) => logger.warn({ err: error }, "revocation list not loaded yet"));
    },
    ready: (timeoutMs) => redis.ready(timeoutMs),
    async close() {
      stopSummary?.();
      redis.close();
      await revocations.close();
    },
  };
}
