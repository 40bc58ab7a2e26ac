/**
 * Everything that is not /api: pages, RSC payloads and static files → the storefront.
 * Configured page routes are answered from the HTML cache (shared by every visitor, rendered
 * without cookies); RSC requests, other routes and other methods pass through untouched with the
 * session refreshed when it is about to expire, redirects and streams included.
 */
import { requestIdOf } from "@shop/platform/bun";
import type { CachedPage } from "../html-cache/entry.js";
import type { PageKey } from "../html-cache/key.js";
import { isRscRequest } from "../html-cache/policy.js";
import { acceptsGzip, markPassThrough, pageResponse } from "../html-cache/respond.js";
import { checkCsrf } from "./csrf-guard.js";
import { observeEdgeRequest } from "./request-metrics.js";
import type { RoutingDeps } from "./deps.js";
import { keptAssets } from "./static-cache.js";
import { forward, relay, upstreamHeaders, type ClientInfo } from "./upstream.js";

const STATIC_PREFIXES = [
  "/_next/static/",
  "/_next/image",
  "/favicon",
  "/robots.txt",
  "/sitemap",
  "/icons/",
  "/fonts/",
];

export function isStaticAsset(path: string): boolean {
  return STATIC_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** The cache key when this request may be answered from shared HTML, else undefined. */
export function cacheablePage(
  request: Request,
  path: string,
  search: string,
  host: string,
  deps: RoutingDeps,
): PageKey | undefined {
  if (!deps.config.ENABLE_HTML_CACHE) return undefined;
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  const pk = deps.keyer(host, path, search);
  return pk && !isRscRequest(request.headers, search) ? pk : undefined;
}

export interface PageLookup {
  pk: PageKey | undefined;
  /** A stale or grace-period page found in memory. */
  cached: CachedPage | undefined;
}

/**
 * The synchronous hit path: a fresh page in this process's memory. Otherwise says what was found,
 * for the slow path. Hits are counted and timed (`started`: when the request arrived), not logged (a pino line under Bun costs ≈ 10 µs, more than
 * the hit itself) unless LOG_CACHE_HITS is on.
 */
export function memoryHit(
  request: Request,
  path: string,
  search: string,
  deps: RoutingDeps,
  started: number,
): Response | PageLookup {
  const kept = keptAssets(request, path, deps);
  if (kept) {
    const asset = kept.hit(request, path, search);
    if (!asset) return { pk: undefined, cached: undefined };
    observeEdgeRequest(request.method, path, undefined, asset.status, started);
    return asset;
  }
  const host = request.headers.get("host");
  const pk = host ? cacheablePage(request, path, search, host, deps) : undefined;
  if (!pk) return { pk, cached: undefined };
  const now = Date.now();
  const page = deps.cache.memory.peek(pk.key, now);
  if (!page || now >= page.freshUntil) return { pk, cached: page };
  const requestId = requestIdOf(request);
  deps.cache.stats.hit += 1;
  if (deps.config.LOG_CACHE_HITS) {
    deps.logger.info(
      { requestId, method: request.method, path, status: page.meta.status, cache: "HIT" },
      "request completed",
    );
  }
  const response = pageResponse(
    page,
    { xCache: "HIT", status: `hit; ttl=${page.ttlLeft(now)}` },
    {
      requestId,
      gzip: acceptsGzip(request.headers.get("accept-encoding")),
      head: request.method === "HEAD",
      now,
      onGzip: (p) => deps.cache.memory.grew(p),
    },
  );
  observeEdgeRequest(request.method, path, pk.route, response.status, started);
  return response;
}

export function servePage(
  request: Request,
  pk: PageKey,
  client: ClientInfo,
  deps: RoutingDeps,
  cached?: CachedPage,
): Promise<Response> {
  // A shared render must not depend on who asked: no cookies, no credentials.
  const headers = upstreamHeaders(request.headers, client);
  for (const name of ["cookie", "authorization", "if-none-match", "if-modified-since", "range"])
    headers.delete(name);
  headers.set("accept-encoding", "identity");
  headers.set("x-forwarded-proto", client.sharedProto);
  return deps.cache.serve(
    pk,
    { requestId: client.requestId, headers },
    {
      requestId: client.requestId,
      gzip: acceptsGzip(request.headers.get("accept-encoding")),
      head: request.method === "HEAD",
    },
    cached,
  );
}

export async function passPage(
  request: Request,
  url: URL,
  client: ClientInfo,
  deps: RoutingDeps,
  detail: string,
): Promise<Response> {
  const kept = keptAssets(request, url.pathname, deps);
  if (kept) return kept.serve(request, url, client);
  deps.cache.stats.bypass += 1;
  const headers = upstreamHeaders(request.headers, client);
  let setCookies: string[] = [];
  if (!isStaticAsset(url.pathname)) {
    checkCsrf(request, client, deps);
    const session = await deps.sessions.forPage(request.headers, {
      requestId: client.requestId,
      ip: client.ip,
      secure: client.proto === "https",
    });
    if (session.cookie) headers.set("cookie", session.cookie);
    else headers.delete("cookie");
    setCookies = session.setCookies;
  }
  const upstream = await forward(`${deps.config.STOREFRONT_URL}${url.pathname}${url.search}`, {
    method: request.method,
    headers,
    body: request.body,
    signal: request.signal,
    timeoutMs: deps.config.PAGE_TIMEOUT_MS,
    upstream: "storefront",
  });
  return relay(upstream, (out) => {
    markPassThrough(out, { xCache: "BYPASS", status: `fwd=bypass; detail=${detail}` });
    for (const cookie of setCookies) out.append("set-cookie", cookie);
    if (!out.has("x-request-id")) out.set("x-request-id", client.requestId);
  });
}

/** Why a page request was not answered from the cache (for Cache-Status). */
export function bypassReason(request: Request, url: URL, deps: RoutingDeps): string {
  if (isStaticAsset(url.pathname)) return "static";
  if (!deps.config.ENABLE_HTML_CACHE) return "disabled";
  if (request.method !== "GET" && request.method !== "HEAD") return "method";
  if (deps.routes.match(url.pathname) && isRscRequest(request.headers, url.search)) return "rsc";
  return "route";
}
