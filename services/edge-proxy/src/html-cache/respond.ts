/**
 * Page answers from the cache: the stored headers plus `X-Cache`, `Age`, RFC 9211 `Cache-Status`
 * and the request id; gzip bytes when the browser takes them (made once per entry).
 */
import type { CachedPage } from "./entry.js";

export type XCache = "HIT" | "MISS" | "STALE" | "BYPASS";
export const CACHE_NAME = "edge-proxy";

export interface Served {
  xCache: XCache;
  /** The RFC 9211 parameters after the cache name, e.g. `hit; ttl=42`. */
  status: string;
}

/** True when Accept-Encoding allows gzip (and does not give it q=0). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  const match = /(?:^|,)\s*gzip\s*(?:;\s*q\s*=\s*([0-9.]+))?/i.exec(acceptEncoding);
  return match !== null && (match[1] === undefined || Number(match[1]) > 0);
}

export interface RespondOptions {
  requestId: string;
  gzip: boolean;
  head: boolean;
  now?: number;
  /** Called after a gzip copy was made, so the memory tier can account for it. */
  onGzip?: (page: CachedPage) => void;
}

export function pageResponse(page: CachedPage, served: Served, options: RespondOptions): Response {
  const now = options.now ?? Date.now();
  const headers: Record<string, string> = {
    ...page.baseHeaders,
    "x-cache": served.xCache,
    age: String(page.age(now)),
    "cache-status": `${CACHE_NAME}; ${served.status}`,
    "x-request-id": options.requestId,
  };
  let body = page.blob;
  if (options.gzip) {
    const before = page.size;
    body = page.gzip();
    if (page.size !== before) options.onGzip?.(page);
    headers["content-encoding"] = "gzip";
  }
  if (options.head) {
    headers["content-length"] = String(body.size);
    return new Response(null, { status: page.meta.status, headers });
  }
  return new Response(body, { status: page.meta.status, headers });
}

/** Adds the edge cache headers to a streamed upstream answer (and strips Surrogate-Control). */
export function markPassThrough(headers: Headers, served: Served): void {
  headers.delete("surrogate-control");
  headers.set("x-cache", served.xCache);
  headers.set("age", "0");
  headers.set("cache-status", `${CACHE_NAME}; ${served.status}`);
}
