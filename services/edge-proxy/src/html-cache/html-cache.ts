/**
 * The edge HTML cache: memory tier → Redis tier → one render per key (in-process single flight
 * plus the Redis render lock), stale-while-revalidate, stale-if-error, purges, and pub/sub so
 * every proxy process drops its memory copy when another one stores or purges.
 */
import type { Logger } from "@shop/platform";
import type { CachedPage } from "./entry.js";
import {
  fill,
  type FillOutcome,
  type FillResult,
  type RenderContext,
  type Renderer,
} from "./fill.js";
import type { PageKey } from "./key.js";
import { RenderLock } from "./lock.js";
import type { MemoryTier } from "./memory-tier.js";
import type { Freshness } from "./policy.js";
import { RedisTier } from "./redis-tier.js";
import { markPassThrough, pageResponse, type Served } from "./respond.js";
import { SingleFlight } from "./single-flight.js";
import { relay } from "../routing/upstream.js";
import type { RedisConnection } from "../redis.js";

export const CACHE_EVENTS_CHANNEL = "html_cache.events";

/** `changed`: the key was stored or deleted in Redis; `purged`: pages with these tags are gone. */
type CacheEvent =
  { o: string; t: "changed"; k: string } | { o: string; t: "purged"; tags: string[] };

export interface HtmlCacheOptions {
  memory: MemoryTier;
  redis: RedisConnection;
  render: Renderer;
  logger: Logger;
  defaults: Freshness;
  maxEntryBytes: number;
  lockTtlMs: number;
  lockWaitMs: number;
}

export interface ServeOptions {
  requestId: string;
  gzip: boolean;
  head: boolean;
}

export class HtmlCache {
  readonly memory: MemoryTier;
  readonly tier: RedisTier;
  /** Counters since start, for /_edge/stats and the periodic summary line (hits are not logged one by one). */
  readonly stats = {
    hit: 0,
    stale: 0,
    miss: 0,
    collapsed: 0,
    bypass: 0,
    renders: 0,
    failed: 0,
    purged: 0,
  };
  private readonly origin = crypto.randomUUID();
  private readonly flights = new SingleFlight<FillResult>();
  private readonly purgedAt = new Map<string, number>();
  private readonly storedWaiters = new Map<string, Set<() => void>>();
  private readonly lock: RenderLock;

  constructor(private readonly options: HtmlCacheOptions) {
    this.memory = options.memory;
    this.tier = new RedisTier(options.redis);
    this.lock = new RenderLock(options.redis, options.lockTtlMs);
  }

  async start(): Promise<void> {
    await this.options.redis.subscribe(CACHE_EVENTS_CHANNEL, (message) => this.onEvent(message));
    // Invalidations published while we were disconnected are lost: start the memory tier afresh.
    this.options.redis.onResync(() => this.memory.clear());
  }

  /** The answer for a cacheable page request that the memory tier could not answer fresh. */
  async serve(
    pk: PageKey,
    ctx: RenderContext,
    options: ServeOptions,
    cached?: CachedPage,
  ): Promise<Response> {
    const page = cached ?? (await this.fromRedis(pk.key));
    const now = Date.now();
    if (page) {
      const state = page.state(now);
      if (state === "fresh") {
        this.stats.hit += 1;
        return this.respond(
          page,
          { xCache: "HIT", status: `hit; ttl=${page.ttlLeft(now)}` },
          options,
        );
      }
      if (state === "stale") {
        this.stats.stale += 1;
        this.revalidate(pk, ctx, page);
        const status = `hit; ttl=${page.ttlLeft(now)}; detail=stale-while-revalidate`;
        return this.respond(page, { xCache: "STALE", status }, options);
      }
    }
    let own: Response | undefined;
    const { promise, leader } = this.flights.run(pk.key, async () => {
      const outcome = (await this.fill(pk, ctx, page, false)) as FillOutcome;
      own = outcome.response;
      return outcome.shared;
    });
    const result = await promise;
    this.count(result, leader);
    return this.answer(result, leader ? own : undefined, leader, pk, ctx, options);
  }

  private async answer(
    result: FillResult,
    own: Response | undefined,
    leader: boolean,
    pk: PageKey,
    ctx: RenderContext,
    options: ServeOptions,
  ): Promise<Response> {
    switch (result.kind) {
      case "page": {
        const fwd = `fwd=miss; fwd-status=${result.page.meta.status}`;
        const status = leader
          ? result.stored
            ? `${fwd}; stored; ttl=${result.page.meta.freshness.ttl}`
            : fwd
          : `${fwd}; collapsed`;
        return this.respond(result.page, { xCache: "MISS", status }, options);
      }
      case "waited":
        return this.respond(
          result.page,
          { xCache: "HIT", status: `hit; ttl=${result.page.ttlLeft()}; detail=lock-wait` },
          options,
        );
      case "stale": {
        const fwdStatus = result.fwdStatus ? `; fwd-status=${result.fwdStatus}` : "";
        const status = `fwd=stale${fwdStatus}; ttl=${result.page.ttlLeft()}; detail=stale-if-error`;
        return this.respond(result.page, { xCache: "STALE", status }, options);
      }
      case "failed":
        throw result.error;
      case "uncacheable": {
        const response = own ?? (await this.options.render(pk, ctx));
        const detail = result.reason ? `; detail="${result.reason.replaceAll('"', "'")}"` : "";
        const served: Served = {
          xCache: "MISS",
          status: `fwd=miss; fwd-status=${response.status}${detail}`,
        };
        if (options.head) await response.body?.cancel();
        const answer = options.head
          ? new Response(null, { status: response.status, headers: response.headers })
          : response;
        return relay(answer, (headers) => markPassThrough(headers, served));
      }
    }
  }

  private count(result: FillResult, leader: boolean): void {
    const { stats } = this;
    if (result.kind === "waited") stats.hit += 1;
    else if (result.kind === "stale") stats.stale += 1;
    else if (result.kind === "failed") stats.failed += 1;
    else if (leader) stats.miss += 1;
    else stats.collapsed += 1;
  }

  private respond(page: CachedPage, served: Served, options: ServeOptions): Response {
    return pageResponse(page, served, { ...options, onGzip: (p) => this.memory.grew(p) });
  }

  /** Refreshes a stale page once in the background (skipped when any process already does). */
  private revalidate(pk: PageKey, ctx: RenderContext, stale: CachedPage): void {
    const key = `revalidate:${pk.key}`;
    if (this.flights.has(key) || this.flights.has(pk.key)) return;
    this.flights
      .run(key, async () => {
        const outcome = await this.fill(pk, ctx, stale, true);
        if (outcome?.response) {
          await outcome.response.body?.cancel();
          // The storefront no longer lets this page be shared (e.g. 404 after a delete).
          if (outcome.shared.kind === "uncacheable" && outcome.shared.status < 500)
            await this.forget(pk.key);
        }
        return outcome?.shared ?? { kind: "uncacheable", status: 0, reason: "rendered elsewhere" };
      })
      .promise.catch((error: unknown) =>
        this.options.logger.warn({ err: error, key: pk.key }, "background refresh failed"),
      );
  }

  private fill(
    pk: PageKey,
    ctx: RenderContext,
    previous: CachedPage | undefined,
    background: boolean,
  ) {
    return fill(
      {
        render: this.options.render,
        lock: this.lock,
        lockAvailable: () => this.tier.available,
        lockWaitMs: this.options.lockWaitMs,
        defaults: this.options.defaults,
        maxEntryBytes: this.options.maxEntryBytes,
        store: (page) => this.store(page),
        waitForPage: (key, deadline) => this.waitForPage(key, deadline),
        purgedSince: (tags, since) => tags.some((tag) => (this.purgedAt.get(tag) ?? -1) >= since),
        logger: this.options.logger,
        onRender: () => (this.stats.renders += 1),
      },
      pk,
      ctx,
      previous,
      background,
    );
  }

  private async fromRedis(key: string): Promise<CachedPage | undefined> {
    if (!this.tier.available) return undefined;
    try {
      const page = await this.tier.get(key);
      if (page) this.memory.put(page);
      return page;
    } catch {
      return undefined;
    }
  }

  private async store(page: CachedPage): Promise<void> {
    this.memory.put(page);
    if (!this.tier.available) return;
    try {
      await this.tier.set(page);
      await this.publish({ o: this.origin, t: "changed", k: page.key });
    } catch {
      // Redis went away: the page lives in this process only.
    }
  }

  private async forget(key: string): Promise<void> {
    this.memory.drop(key);
    try {
      await this.tier.delete(key);
      await this.publish({ o: this.origin, t: "changed", k: key });
    } catch {
      // expires on its own
    }
  }

  private async waitForPage(key: string, deadline: number): Promise<CachedPage | undefined> {
    while (Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const waiters = this.storedWaiters.get(key) ?? new Set<() => void>();
        this.storedWaiters.set(key, waiters);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          if (waiters.size === 0 && this.storedWaiters.get(key) === waiters)
            this.storedWaiters.delete(key);
          resolve();
        };
        const timer = setTimeout(done, Math.min(100, Math.max(1, deadline - Date.now())));
        waiters.add(done);
      });
      let page: CachedPage | undefined;
      try {
        page = await this.tier.get(key);
      } catch {
        return undefined;
      }
      if (page?.state() === "fresh") {
        this.memory.put(page);
        return page;
      }
    }
    return undefined;
  }

  /** Removes every page with one of `tags` from both tiers and tells the other processes. */
  async purge(tags: readonly string[], options: { broadcast?: boolean } = {}): Promise<number> {
    this.notePurged(tags);
    const removed = new Set(this.memory.purge(tags));
    if (this.tier.available) {
      try {
        for (const key of await this.tier.purgeTags(tags)) removed.add(key);
        if (options.broadcast !== false)
          await this.publish({ o: this.origin, t: "purged", tags: [...tags] });
      } catch (error) {
        this.options.logger.warn(
          { err: error, tags },
          "purge could not reach redis; memory tier purged only",
        );
      }
    }
    this.stats.purged += removed.size;
    return removed.size;
  }

  private notePurged(tags: readonly string[]): void {
    const now = Date.now();
    for (const [tag, at] of this.purgedAt) if (now - at > 120_000) this.purgedAt.delete(tag);
    for (const tag of tags) this.purgedAt.set(tag, now);
  }

  private async publish(event: CacheEvent): Promise<void> {
    await this.options.redis.publish(CACHE_EVENTS_CHANNEL, JSON.stringify(event));
  }

  private onEvent(message: string): void {
    let event: CacheEvent;
    try {
      event = JSON.parse(message) as CacheEvent;
    } catch {
      return;
    }
    if (event.t === "changed") {
      if (event.o !== this.origin) this.memory.drop(event.k);
      this.storedWaiters.get(event.k)?.forEach((wake) => wake());
    } else if (event.t === "purged" && event.o !== this.origin) {
      this.notePurged(event.tags);
      this.memory.purge(event.tags);
    }
  }
}
