/** The cache's answers and their headers: X-Cache-* (the description's plugin headers) and RFC 9211 Cache-Status. */
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

export interface CacheResult {
  cacheStatus: CacheStatus;
  status: number;
  headers: string[];
  body: Buffer;
}

const prepared = new WeakMap<CachedEntry, string[]>();
/** HIT headers change once a second (age, ttl): built once per entry and second, then reused. */
const hitHeaders = new WeakMap<CachedEntry, { second: number; headers: string[] }>();

export function hitResult(key: string, entry: CachedEntry, now: number): CacheResult {
  const second = Math.floor((now - entry.storedAt) / 1000);
  let memo = hitHeaders.get(entry);
  if (!memo || memo.second !== second) {
    memo = { second, headers: fromEntry(key, entry, "HIT", ["hit"], now).headers };
    hitHeaders.set(entry, memo);
  }
  // A copy: the caller appends its own per-request headers.
  return {
    cacheStatus: "HIT",
    status: entry.status,
    headers: memo.headers.slice(),
    body: entry.body,
  };
}

export function fromEntry(
  key: string,
  entry: CachedEntry,
  status: CacheStatus,
  params: string[],
  now: number,
): CacheResult {
  let base = prepared.get(entry);
  if (!base) {
    base = [...entry.headers, "content-length", String(entry.body.length)];
    prepared.set(entry, base);
  }
  const headers = base.concat(cacheHeaders({ status, key, entry, params, now }));
  return { cacheStatus: status, status: entry.status, headers, body: entry.body };
}
