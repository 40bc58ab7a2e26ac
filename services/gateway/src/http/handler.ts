/**
 * The gateway's request pipeline: request id → own endpoints → /internal refused → CORS → route
 * match → response cache (public GETs, answered before the rate limit is charged) → policy and
 * rate limit → body limit → idempotency → upstream. Every refusal is problem details.
 */
import { AppError, REQUEST_ID_HEADER, requestIdFrom } from "@shop/platform";
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

/** What the access log tells about an answer (headers given to writeHead cannot be read back). */
interface Notes {
  route?: string;
  upstream?: string;
  cache?: string;
}
const notesOf = new WeakMap<ServerResponse, Notes>();

/** Adds to the access-log notes of `res` (only kept while access logging is on). */
function note(res: ServerResponse, notes: Notes): void {
  const current = notesOf.get(res);
  if (current) Object.assign(current, notes);
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
    if (accessLog) {
      notesOf.set(res, {});
      res.once("finish", () => {
        const path = url.split("?", 1)[0];
        if (path === "/health" || path === "/health/ready") return;
        const level = res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info";
        logger[level](
          {
            requestId,
            method: req.method,
            path,
            status: res.statusCode,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            ...notesOf.get(res),
          },
          "request completed",
        );
      });
    }
    handle(req, res, url, requestId, extra, deps).catch((error: unknown) =>
      sendProblem(res, error, requestId, url.split("?", 1)[0] ?? "/", extra, logger),
    );
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  requestId: string,
  extra: string[],
  deps: GatewayDeps,
): Promise<void> {
  const target = splitTarget(url);
  if (!target) throw new AppError("VALIDATION_FAILED", "The request path is not valid");
  const { path, query } = target;
  if (deps.ownRoutes(req, res, path, extra)) return;
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
  note(res, { route: match.route.id, upstream: match.route.upstream });
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
    if (await serveCached(ctx, deps)) return;
  }
  await admit(ctx, deps);
  await forward(ctx, deps);
}

/** Answers through the response cache; false when the request must bypass it. */
async function serveCached(ctx: RequestContext, deps: GatewayDeps): Promise<boolean> {
  const config = ctx.route.cache!;
  const keyed = cacheKey(ctx.path, ctx.query, config.vary);
  const reason =
    "bypass" in keyed ? keyed.bypass : deps.cache.available ? undefined : "cache-unavailable";
  if (reason || "bypass" in keyed) {
    ctx.extra.push(
      ...cacheHeaders({ status: "BYPASS", params: ["fwd=bypass", detail(reason ?? "bypass")] }),
    );
    note(ctx.res, { cache: "BYPASS" });
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
  note(ctx.res, { cache: result.cacheStatus });
  sendBuffer(ctx.res, result.status, result.headers, result.body, ctx.method === "HEAD");
  return true;
}
