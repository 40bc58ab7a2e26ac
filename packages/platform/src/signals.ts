/**
 * The platform's own signals and the shop's business counters, named once: the edge and the
 * gateway count their caches the same way, every service its logins, checkouts and revenue the
 * same way, and the alert rules and dashboards (infra/observability) read these names.
 */
import { boundCounter, counter, gauge } from "./metrics.js";

/** `html` is the edge's page cache, `response` the gateway's API cache. */
export type CacheName = "html" | "response";
/**
 * A lookup's outcome, or `purge` (entries removed). `coalesced` counts the misses that waited on
 * another request's render or fill instead of calling upstream themselves (a subset of `miss`).
 */
export type CacheEvent = "hit" | "miss" | "stale" | "bypass" | "purge" | "coalesced";

const CACHE_EVENTS_HELP = "Cache lookups by outcome, and purged entries";
const CACHE_FILLS_HELP = "Renders or upstream fills made for a cache (one per coalesced group)";
const cacheEvents = () => counter("cache_events_total", CACHE_EVENTS_HELP, ["cache", "event"]);
const cacheFills = () => counter("cache_fills_total", CACHE_FILLS_HELP, ["cache"]);

const incCacheEvent = boundCounter(cacheEvents);
const incCacheFill = boundCounter(cacheFills);

/** Counts a cache lookup's outcome (or `n` purged entries). */
export function countCacheEvent(cache: CacheName, event: CacheEvent, n = 1): void {
  incCacheEvent({ cache, event }, `${cache} ${event}`, n);
}

/** Counts one render or upstream fill made to store an answer. */
export function countCacheFill(cache: CacheName): void {
  incCacheFill({ cache }, cache);
}

/**
 * Reports a cache's totals counted elsewhere (the edge keeps plain numbers on its hot path) at
 * scrape time: `read` gives the totals since start. Use it instead of the count functions.
 */
export function reportCacheTotals(
  cache: CacheName,
  read: () => { events: Partial<Record<CacheEvent, number>>; fills: number },
): void {
  counter("cache_events_total", CACHE_EVENTS_HELP, ["cache", "event"], (c) => {
    c.reset();
    for (const [event, n] of Object.entries(read().events)) c.inc({ cache, event }, n);
  });
  counter("cache_fills_total", CACHE_FILLS_HELP, ["cache"], (c) => {
    c.reset();
    c.inc({ cache }, read().fills);
  });
}

export type IdempotencyOutcome = "claim" | "replay" | "conflict" | "mismatch";

const incIdempotency = boundCounter(() =>
  counter("idempotency_events_total", "Idempotency-Key decisions", ["outcome"]),
);

/** Counts an Idempotency-Key decision: first use, replayed answer, in flight, or another body. */
export function countIdempotency(outcome: IdempotencyOutcome): void {
  incIdempotency({ outcome }, outcome);
}

const incRateLimited = boundCounter(() =>
  counter("rate_limit_rejections_total", "Requests refused by a rate limit", ["route"]),
);

/** Counts a request refused by a rate limit, by the route template that refused it. */
export function countRateLimited(route: string): void {
  incRateLimited({ route }, route);
}

export type TokenOutcome = "ok" | "invalid" | "expired" | "revoked";

const incTokenVerification = boundCounter(() =>
  counter("token_verifications_total", "Access-token verifications by outcome", ["outcome"]),
);

/** Counts an access-token verification. */
export function countTokenVerification(outcome: TokenOutcome): void {
  incTokenVerification({ outcome }, outcome);
}

/** Counts revocations (sign-outs, role changes, refresh-token reuse) heard or issued. */
export function countTokenRevocation(): void {
  counter("token_revocations_total", "Session and subject revocations").inc();
}

const CIRCUIT_STATE = { closed: 0, "half-open": 1, open: 2 } as const;

/** Reports each dependency's circuit at scrape time (0 closed, 1 half-open, 2 open). */
export function reportCircuits(
  read: () => Iterable<[dependency: string, state: keyof typeof CIRCUIT_STATE]>,
): void {
  gauge(
    "circuit_breaker_state",
    "Circuit breaker per dependency: 0 closed, 1 half-open, 2 open",
    ["dependency"],
    (g) => {
      for (const [dependency, state] of read()) g.set({ dependency }, CIRCUIT_STATE[state]);
    },
  );
}

// The shop's business counters.

/** Counts a new cart (guest or member). */
export function countCartCreated(): void {
  counter("shop_carts_created_total", "Carts created").inc();
}

export type CheckoutOutcome = "started" | "paid" | "declined" | "failed";

/** Counts a checkout reaching `outcome`; `paid` also adds the order's total to revenue. */
export function countCheckout(outcome: CheckoutOutcome, totalKrw = 0): void {
  counter("shop_checkouts_total", "Checkouts by outcome", ["outcome"]).inc({ outcome });
  if (outcome === "paid" && totalKrw > 0)
    counter("shop_revenue_krw_total", "Revenue of paid checkouts in KRW").inc(totalKrw);
}

/** Counts a sign-in attempt. */
export function countLogin(outcome: "success" | "failure"): void {
  counter("shop_logins_total", "Sign-in attempts by outcome", ["outcome"]).inc({ outcome });
}

/**
 * A gauge read at scrape time by an async `read` (a database count). A failing read keeps the
 * last value, so a scrape during an outage still answers (the dependency metrics show the outage).
 */
function readAtScrape<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  read: (set: (value: number, labels?: Record<L, string>) => void) => Promise<void>,
): void {
  gauge(name, help, labelNames, async (g) => {
    await read((value, labels) => (labels ? g.set(labels, value) : g.set(value))).catch(
      () => undefined,
    );
  });
}

/** Reports the transactional outbox: events not yet published and the age of the oldest one. */
export function reportOutbox(read: () => Promise<{ backlog: number; oldestAgeSeconds: number }>) {
  let last: Promise<{ backlog: number; oldestAgeSeconds: number }> | undefined;
  // Both gauges are read in the same scrape: they share the query in flight, then forget it.
  const once = () => (last ??= read().finally(() => setImmediate(() => (last = undefined))));
  readAtScrape("outbox_backlog_events", "Outbox events not yet published", [], async (set) =>
    set((await once()).backlog),
  );
  readAtScrape(
    "outbox_oldest_unpublished_age_seconds",
    "Age of the oldest unpublished outbox event (0 when none)",
    [],
    async (set) => set((await once()).oldestAgeSeconds),
  );
}

/** Reports the stock reservations still holding stock (status reserved). */
export function reportOpenReservations(read: () => Promise<number>): void {
  readAtScrape("stock_reservations_open", "Stock reservations holding stock", [], async (set) =>
    set(await read()),
  );
}

/** Counts reservations released because they expired. */
export function countReservationsExpired(n: number): void {
  counter("stock_reservations_expired_total", "Stock reservations released on expiry").inc(n);
}

/** Reports how many orders are in each state. */
export function reportOrderStates(read: () => Promise<Array<{ state: string; count: number }>>) {
  readAtScrape("shop_orders", "Orders by state", ["state"], async (set) => {
    for (const { state, count } of await read()) set(count, { state });
  });
}
