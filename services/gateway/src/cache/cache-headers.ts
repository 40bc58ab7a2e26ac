/** The cache's answer headers: X-Cache-* (the description's plugin headers) and RFC 9211 Cache-Status. */
import { ageMs, type CachedEntry } from "./entry.js";

export type CacheStatus = "HIT" | "MISS" | "STALE" | "BYPASS" | "REFRESH";

const CACHE_NAME = "shop-gateway";

export interface CacheHeaderInput {
  status: CacheStatus;
  key?: string;
  entry?: CachedEntry;
  /** RFC 9211 parameters after the cache name, e.g. `hit`, `fwd=uri-miss`. */
  params: string[];
  now?: number;
}

export function cacheHeaders(input: CacheHeaderInput): string[] {
  const out = ["x-cache-status", input.status];
  if (input.key) out.push("x-cache-key", input.key);
  const params = [...input.params];
  if (input.entry) {
    const age = Math.floor(ageMs(input.entry, input.now) / 1000);
    const ttl = Math.round(input.entry.ttlMs / 1000);
    out.push("x-cache-age", String(age), "x-cache-ttl", String(ttl));
    if (input.status === "HIT" || input.status === "STALE") {
      out.push("age", String(age));
      params.push(`ttl=${ttl - age}`);
    }
  }
  out.push("cache-status", [CACHE_NAME, ...params].join("; "));
  return out;
}

/** `detail` parameter value: an RFC 8941 string. */
export function detail(text: string): string {
  return `detail="${text.replace(/["\\]/g, "")}"`;
}
