/**
 * The response cache (the description's simple-redis-cache, done right): an in-process LRU tier in
 * front of the shared Redis tier, request coalescing, stale-while-revalidate, stale-if-error,
 * tag purges, and stepping aside when Redis is unavailable.
 */
import { countCacheEvent, countCacheFill, type Logger } from "@shop/platform";
import type { Route } from "../routing/router.js";
import type { BufferedResponse } from "../upstreams/proxy.js";
import { withoutHeader } from "../upstreams/headers.js";
import { cacheHeaders, detail, fromEntry, hitResult, type CacheResult } from "./cache-headers.js";

export type { CacheResult } from "./cache-headers.js";
import { entryTags, storability } from "./cache-policy.js";
import { ageMs, retentionMs, type CachedEntry } from "./entry.js";
import type { MemoryStore } from "./memory-store.js";
import type { CacheStore } from "./store.js";

export interface CacheRequest {
  route: Route;
  params: Record<string, string>;
  key: string;
  /** Path and normalised query as sent upstream (before the route's rewrite). */
  path: string;
  query: string;
  /** X-Cache-Refresh from an internal caller: skip the lookup, fetch and store. */
  refresh: boolean;
  /** Headers for the upstream call (the fetch is anonymous); built only on a miss. */
  headers: () => string[];
}

export type CacheFetch = (
  route: Route,
  path: string,
  query: string,
  headers: string[],
) => Promise<BufferedResponse>;

interface Fetched {
  response: BufferedResponse;
  entry?: CachedEntry;
  reason?: string;
}

interface InFlight {
  promise: Promise<Fetched>;
  tags: string[];
}

export interface ResponseCacheOptions {
  memory: MemoryStore;
  shared: CacheStore;
  /** Whether the shared tier (Redis) can be used right now. */
  sharedReady: () => boolean;
  fetch: CacheFetch;
  /** Tells other gateway processes that `key` changed so they drop their in-memory copy. */
  announce?: (key: string) => void;
  logger: Logger;
}

export class ResponseCache {
  private readonly inflight = new Map<string, InFlight>();
  private readonly purgedAt = new Map<string, number>();

  constructor(private readonly options: ResponseCacheOptions) {}

  /** False while Redis is unavailable: the cache steps aside and requests go to the upstream. */
  get available(): boolean {
    return this.options.sharedReady();
  }

  /**
   * The hot path: a fresh entry of the in-process tier answered synchronously (no promise, no
   * Redis). Undefined when the key needs the full `handle`.
   */
  freshHit(key: string): CacheResult | undefined {
    const entry = this.options.memory.peek(key);
    if (!entry) return undefined;
    const now = Date.now();
    if (now - entry.storedAt >= entry.ttlMs) return undefined;
    return hitResult(key, entry, now);
  }

  async handle(
    request: CacheRequest,
    beforeFetch: () => Promise<void> | void,
  ): Promise<CacheResult> {
    const entry = await this.lookup(request.key);
    const now = Date.now();
    if (entry && !request.refresh) {
      const age = ageMs(entry, now);
      if (age < entry.ttlMs) return hitResult(request.key, entry, now);
      if (age < entry.ttlMs + entry.staleWhileRevalidateMs) {
        this.coalesced(request).catch((error: unknown) =>
          this.options.logger.warn(
            { err: error, key: request.key },
            "background cache refresh failed",
          ),
        );
        return fromEntry(
          request.key,
          entry,
          "STALE",
          ["hit", detail("stale-while-revalidate")],
          now,
        );
      }
    }
    await beforeFetch();
    // A fill that finished while this request was looking up (a slow Redis read under load) has
    // stored the answer by now: serve it instead of starting a second upstream call.
    if (!request.refresh) {
      const settled = this.freshHit(request.key);
      if (settled) return settled;
    }
    let fetched: Fetched;
    let collapsed: boolean;
    try {
      ({ fetched, collapsed } = await this.fetchOnce(request));
    } catch (error) {
      if (entry && withinStaleIfError(entry, now)) {
        return fromEntry(request.key, entry, "STALE", ["fwd=stale", detail("stale-if-error")], now);
      }
      throw error;
    }
    const { response } = fetched;
    if (response.status >= 500 && entry && withinStaleIfError(entry, now)) {
      return fromEntry(
        request.key,
        entry,
        "STALE",
        ["fwd=stale", `fwd-status=${response.status}`, detail("stale-if-error")],
        now,
      );
    }
    const fwd = request.refresh ? "fwd=request" : "fwd=uri-miss";
    const params = [fwd, `fwd-status=${response.status}`];
    if (collapsed) params.push("collapsed");
    if (fetched.entry) {
      params.push("stored");
      return fromEntry(
        request.key,
        fetched.entry,
        request.refresh ? "REFRESH" : "MISS",
        params,
        Date.now(),
      );
    }
    params.push(detail(fetched.reason ?? "not-stored"));
    const headers = withoutHeader(response.headers, "content-length");
    headers.push("content-length", String(response.body.length));
    headers.push(...cacheHeaders({ status: "BYPASS", key: request.key, params }));
    return { cacheStatus: "BYPASS", status: response.status, headers, body: response.body };
  }

  /** Memory first, then Redis (copied into memory). */
  async lookup(key: string): Promise<CachedEntry | undefined> {
    const local = this.options.memory.peek(key);
    if (local) return local;
    if (!this.options.sharedReady()) return undefined;
    try {
      const shared = await this.options.shared.get(key);
      if (!shared) return undefined;
      const remaining = shared.storedAt + retentionMs(shared) - Date.now();
      if (remaining > 0) this.options.memory.put(key, shared, remaining);
      return shared;
    } catch (error) {
      this.options.logger.warn({ err: error, key }, "cache lookup failed; going to the upstream");
      return undefined;
    }
  }

  /** Deletes every entry carrying one of `tags`, here and in Redis; in-flight fetches are not reused. */
  async purge(tags: string[]): Promise<number> {
    const now = Date.now();
    for (const tag of tags) this.purgedAt.set(tag, now);
    this.prunePurgeMarks(now);
    const wanted = new Set(tags);
    for (const [key, flight] of this.inflight) {
      if (flight.tags.some((t) => wanted.has(t))) this.inflight.delete(key);
    }
    let removed = this.options.memory.purge(tags);
    if (this.options.sharedReady())
      removed = Math.max(removed, await this.options.shared.purgeTags(tags));
    countCacheEvent("response", "purge", removed);
    return removed;
  }

  /** Another process stored `key`: drop the local copy so the next lookup reads Redis. */
  forget(key: string): void {
    this.options.memory.remove(key);
  }

  /** Redis went away: local copies can no longer hear purges, so drop them. */
  clearLocal(): void {
    this.options.memory.clear();
  }

  private async fetchOnce(
    request: CacheRequest,
  ): Promise<{ fetched: Fetched; collapsed: boolean }> {
    const existing = this.inflight.get(request.key);
    if (existing) {
      countCacheEvent("response", "coalesced");
      return { fetched: await existing.promise, collapsed: true };
    }
    return { fetched: await this.coalesced(request), collapsed: false };
  }

  private coalesced(request: CacheRequest): Promise<Fetched> {
    const existing = this.inflight.get(request.key);
    if (existing) return existing.promise;
    const tags = entryTags(request.route, request.params);
    countCacheFill("response");
    const promise = this.fetchAndStore(request, tags).finally(() => {
      if (this.inflight.get(request.key)?.promise === promise) this.inflight.delete(request.key);
    });
    this.inflight.set(request.key, { promise, tags });
    return promise;
  }

  private async fetchAndStore(request: CacheRequest, tags: string[]): Promise<Fetched> {
    const startedAt = Date.now();
    const config = request.route.cache!;
    const response = await this.options.fetch(
      request.route,
      request.path,
      request.query,
      request.headers(),
    );
    const verdict = storability(config, response.status, response.headers, response.body.length);
    if (!verdict.store) return { response, reason: verdict.reason };
    if (tags.some((tag) => (this.purgedAt.get(tag) ?? 0) >= startedAt))
      return { response, reason: "purged-while-fetching" };
    const entry: CachedEntry = {
      status: response.status,
      headers: withoutHeader(response.headers, "content-length"),
      body: response.body,
      storedAt: Date.now(),
      ttlMs: verdict.ttlMs,
      staleWhileRevalidateMs: config.staleWhileRevalidate,
      staleIfErrorMs: config.staleIfError,
      tags,
    };
    const retain = retentionMs(entry);
    this.options.memory.put(request.key, entry, retain);
    if (this.options.sharedReady()) {
      try {
        await this.options.shared.set(request.key, entry, retain);
        this.options.announce?.(request.key);
      } catch (error) {
        this.options.logger.warn({ err: error, key: request.key }, "cache store failed");
      }
    }
    return { response, entry };
  }

  private prunePurgeMarks(now: number): void {
    if (this.purgedAt.size < 10_000) return;
    for (const [tag, at] of this.purgedAt) if (now - at > 120_000) this.purgedAt.delete(tag);
  }
}

function withinStaleIfError(entry: CachedEntry, now: number): boolean {
  return ageMs(entry, now) < entry.ttlMs + entry.staleIfErrorMs;
}
