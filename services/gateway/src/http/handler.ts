/**
 * The gateway's request pipeline: request id → own endpoints → /internal refused → CORS → route
 * match → response cache (public GETs, answered before the rate limit is charged) → policy and
 * rate limit → body limit → idempotency → upstream. Every refusal is problem details.
 */
import {
  AppError,
  METRICS_PATH,
  metricsObserving,
  observeRequest,
  countCacheEvent,
  REQUEST_ID_HEADER,
  requestIdFrom,
  type CacheEvent,
} from "@shop/platform";
import type { IncomingMessage, ServerResponse } from "node:http";
import { cacheHeaders, detail } from "../cache/cache-headers.js";
import { cacheKey } from "../cache/cache-policy.js";
import { splitTarget } from "../routing/target.js";
import { clientAddress, wantsRefresh } from "./caller-address.js";
import { corsHeaders, originAllowed, preflightHeaders } from "./cors.js";
import type { GatewayDeps, RequestContext } from "./context.js";
import { admit, anonymousHeaders, forward } from "./forward.js";
import { sendBuffer, sendProblem } from "./respond.js";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * What the access log and the metrics tell about an answer (headers given to writeHead cannot be
 * read back): `route` is the matched route's path template.
 */
interface Notes {
  route?: string;
  routeId?: string;
  upstream?: string;
  cache?: string;
}

export function createHandler(deps: GatewayDeps): RequestHandler {
  const { logger } = deps;
  // Access lines are info lines: at LOG_LEVEL=warn (benchmarks) they cost nothing at all.
  const accessLog = deps.settings.accessLog && logger.isLevelEnabled("info");
  return (req, res) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    const extra = [REQUEST_ID_HEADER, requestId];
    const url = req.url ?? "/";
    // Passed down rather than looked up by response: nothing to note when nobody reads it.
    let notes: Notes | undefined;
    if (accessLog || metricsObserving()) {
      const kept: Notes = {};
      notes = kept;
      res.once("finish", () =>
        finished(req, res, kept, url, requestId, started, accessLog, logger),
      );
    }
    handle(req, res, url, requestId, extra, deps, notes).catch((error: unknown) =>
      sendProblem(res, error, requestId, url.split("?", 1)[0] ?? "/", extra, logger),
    );
  };
}

/** Metrics and the access line of a finished answer. */
function finished(
  req: IncomingMessage,
  res: ServerResponse,
  notes: Notes,
  url: string,
  requestId: string,
  started: number,
  accessLog: boolean,
  logger: GatewayDeps["logger"],
): void {
  const seconds = (performance.now() - started) / 1000;
  const status = res.statusCode;
  if (notes.route !== METRICS_PATH)
    observeRequest({ method: req.method ?? "GET", route: notes.route, status, seconds });
  if (!accessLog || notes.route === "/health" || notes.route === "/health/ready") return;
  const level = status >= 500 ? "error" : status >= 400 ? "warn" : "info";
  logger[level](
    {
      requestId,
      method: req.method,
      path: url.split("?", 1)[0],
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      route: notes.routeId,
      upstream: notes.upstream,
      cache: notes.cache,
    },
    "request completed",
  );
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  requestId: string,
  extra: string[],
  deps: GatewayDeps,
  notes: Notes | undefined,
): Promise<void> {
  const target = splitTarget(url);
  if (!target) throw new AppError("VALIDATION_FAILED", "The request path is not valid");
  const { path, query } = target;
  if (deps.ownRoutes(req, res, path, extra)) {
    // The gateway's own endpoints are their own route templates.
    if (notes) notes.route = path;
    return;
  }
  if (path === "/internal" || path.startsWith("/internal/"))
    throw new AppError("ROUTE_NOT_FOUND", "No such route");
  const method = req.method ?? "GET";
  const origin = req.headers.origin;
  if (origin !== undefined && originAllowed(origin, deps.settings.cors)) {
    if (method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
      const headers = preflightHeaders(
        origin,
        deps.settings.cors,
        req.headers["access-control-request-headers"],
      );
      res.writeHead(204, [...headers, ...extra]);
      res.end();
      return;
    }
    extra.push(...corsHeaders(origin, deps.settings.cors));
  }
  const match = deps.router.match(method, path);
  if (match.kind === "none") throw new AppError("ROUTE_NOT_FOUND", `No route for ${path}`);
  if (match.kind === "method-not-allowed") {
    throw new AppError("METHOD_NOT_ALLOWED", `${method} is not allowed on ${path}`, {
      headers: { allow: match.allowed.join(", ") },
    });
  }
  if (notes) {
    notes.route = match.route.pattern;
    notes.routeId = match.route.id;
    notes.upstream = match.route.upstream;
  }
  const ctx: RequestContext = {
    req,
    res,
    requestId,
    method,
    path,
    query,
    route: match.route,
    params: match.params,
    upstream: deps.upstreams.get(match.route.upstream)!,
    client: clientAddress(req, deps.settings.trustedProxies),
    identity: undefined,
    extra,
  };
  if (ctx.route.cache && (method === "GET" || method === "HEAD")) {
    if (await serveCached(ctx, deps, notes)) return;
  }
  await admit(ctx, deps);
  await forward(ctx, deps);
}

/** The metrics event of each Cache-Status outcome (a forced refresh is a miss). */
const CACHE_EVENT: Record<string, CacheEvent> = {
  HIT: "hit",
  STALE: "stale",
  MISS: "miss",
  REFRESH: "miss",
  BYPASS: "bypass",
};

/** Answers through the response cache; false when the request must bypass it. */
async function serveCached(
  ctx: RequestContext,
  deps: GatewayDeps,
  notes: Notes | undefined,
): Promise<boolean> {
  const config = ctx.route.cache!;
  const keyed = cacheKey(ctx.path, ctx.query, config.vary);
  const reason =
    "bypass" in keyed ? keyed.bypass : deps.cache.available ? undefined : "cache-unavailable";
  if (reason || "bypass" in keyed) {
    ctx.extra.push(
      ...cacheHeaders({ status: "BYPASS", params: ["fwd=bypass", detail(reason ?? "bypass")] }),
    );
    if (notes) notes.cache = "BYPASS";
    countCacheEvent("response", "bypass");
    return false;
  }
  const refresh =
    ctx.req.headers["x-cache-refresh"] !== undefined &&
    wantsRefresh(ctx.req, deps.settings.internalKey);
  const result =
    (!refresh && deps.cache.freshHit(keyed.key)) ||
    (await deps.cache.handle(
      {
        route: ctx.route,
        params: ctx.params,
        key: keyed.key,
        path: ctx.path,
        query: keyed.query,
        refresh,
        headers: () => anonymousHeaders(ctx),
      },
      () => admit(ctx, deps),
    ));
  for (const h of ctx.extra) result.headers.push(h);
  if (notes) notes.cache = result.cacheStatus;
  countCacheEvent("response", CACHE_EVENT[result.cacheStatus] ?? "miss");
  sendBuffer(ctx.res, result.status, result.headers, result.body, ctx.method === "HEAD");
  return true;
}
