/** The last steps of the pipeline: caller checks, then streaming or idempotent forwarding. */
import { AppError, countRateLimited } from "@shop/platform";
import { fingerprint } from "../idempotency/fingerprint.js";
import { readIdempotencyKey, REPLAY_HEADERS, runIdempotent } from "../idempotency/idempotency.js";
import { rateLimited } from "../rate-limit/rate-limiter.js";
import { upstreamRequestHeaders, withoutHeader } from "../upstreams/headers.js";
import { fetchBuffered, streamResponse } from "../upstreams/proxy.js";
import { declaredLength, hasBody, limitStream, readBody } from "./body.js";
import { isInternalCaller } from "./caller-address.js";
import type { GatewayDeps, RequestContext } from "./context.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Applies the route policy (401/403) and charges the rate limit (429). */
export async function admit(ctx: RequestContext, deps: GatewayDeps): Promise<void> {
  const authorization = ctx.req.headers.authorization;
  const found =
    ctx.route.policy === "public" && authorization === undefined
      ? undefined
      : deps.identity.authorize(ctx.route.policy, authorization);
  ctx.identity = found instanceof Promise ? await found : found;
  const limit = ctx.route.rateLimit;
  // Platform callers holding the internal key (warm-up, cache refreshes) are not public traffic.
  if (!limit || !deps.settings.rateLimitEnabled) return;
  if (isInternalCaller(ctx.req, deps.settings.internalKey)) return;
  const member = ctx.identity && ctx.identity.role !== "guest" ? ctx.identity.sub : undefined;
  const subject = limit.by === "caller" && member ? `member:${member}` : `ip:${ctx.client.ip}`;
  const pending = deps.rateLimiter.check(ctx.route.id, subject, limit);
  const decision = pending instanceof Promise ? await pending : pending;
  if (!decision) return;
  if (!decision.allowed) {
    countRateLimited(ctx.route.pattern);
    throw rateLimited(decision);
  }
  for (const h of decision.headers) ctx.extra.push(h);
}

function forwardHeaders(ctx: RequestContext, anonymous = false): string[] {
  return upstreamRequestHeaders(ctx.req.rawHeaders, {
    requestId: ctx.requestId,
    clientIp: ctx.client.ip,
    forwardedFor: ctx.client.forwardedFor,
    proto: ctx.client.proto,
    host: ctx.req.headers.host,
    identity: ctx.identity,
    anonymous,
  });
}

export function upstreamPath(ctx: RequestContext, query = ctx.query): string {
  const path = ctx.route.rewrite(ctx.path);
  return query ? `${path}?${query}` : path;
}

/** Body limit, idempotency where configured, then the upstream call. */
export async function forward(ctx: RequestContext, deps: GatewayDeps): Promise<number> {
  const length = declaredLength(ctx.req, ctx.route.bodyLimit);
  if (ctx.route.idempotency !== "off" && UNSAFE.has(ctx.method)) {
    const key = readIdempotencyKey(ctx.req.headers);
    if (key) return forwardIdempotent(ctx, deps, key);
    if (ctx.route.idempotency === "required") {
      throw new AppError(
        "IDEMPOTENCY_KEY_MISSING",
        "This route needs an Idempotency-Key header (a new UUID per operation)",
      );
    }
  }
  const body = !hasBody(ctx.req)
    ? null
    : length !== undefined
      ? ctx.req
      : limitStream(ctx.req, ctx.route.bodyLimit);
  return streamResponse(
    {
      upstream: ctx.upstream,
      method: ctx.method,
      path: upstreamPath(ctx),
      headers: forwardHeaders(ctx),
      body,
      timeoutMs: ctx.route.timeoutMs,
    },
    ctx.res,
    ctx.extra,
  );
}

async function forwardIdempotent(
  ctx: RequestContext,
  deps: GatewayDeps,
  key: string,
): Promise<number> {
  const body = await readBody(ctx.req, ctx.route.bodyLimit);
  const caller = ctx.identity
    ? `${ctx.identity.role === "guest" ? "guest" : "member"}:${ctx.identity.sub}`
    : `ip:${ctx.client.ip}`;
  const headers = withoutHeader(forwardHeaders(ctx), "content-length");
  headers.push("content-length", String(body.length));
  const { response, replayed } = await runIdempotent(deps.idempotency, {
    scope: `${caller}|${ctx.method}|${ctx.route.id}`,
    key,
    fingerprint: fingerprint(
      ctx.method,
      ctx.path,
      ctx.query,
      ctx.req.headers["content-type"],
      body,
    ),
    execute: () =>
      fetchBuffered({
        upstream: ctx.upstream,
        method: ctx.method,
        path: upstreamPath(ctx),
        headers,
        body,
        timeoutMs: ctx.route.timeoutMs,
      }),
  });
  const out = withoutHeader(response.headers, "content-length");
  out.push("content-length", String(response.body.length));
  if (replayed) out.push(...REPLAY_HEADERS);
  for (const h of ctx.extra) out.push(h);
  ctx.res.writeHead(response.status, out);
  ctx.res.end(response.body);
  return response.status;
}

/** Upstream headers for a cached (anonymous) fetch. */
export function anonymousHeaders(ctx: RequestContext): string[] {
  return forwardHeaders(ctx, true);
}
