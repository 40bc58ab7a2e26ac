/**
 * The fixed PromQL of the admin platform page. The instant numbers use the same five-minute
 * windows and formulas as the alert rules (infra/observability/rules), so the page and the alerts
 * agree; the charts use a window of at least a minute that grows with the step.
 */
import type { PlatformRange } from "@shop/contracts";

const REQUESTS = "http_server_request_duration_seconds_count";
const BUCKETS = "http_server_request_duration_seconds_bucket";

const rate = (selector: string, window: string) =>
  `sum by (service) (rate(${selector}[${window}]))`;

export const requestRate = (window: string) => rate(REQUESTS, window);

export const p99 = (window: string) =>
  `histogram_quantile(0.99, sum by (service, le) (rate(${BUCKETS}[${window}])))`;

/** 5xx / all; a part with traffic but no 5xx series yet gets 0 (not "no data"). */
export const errorRatio = (window: string) =>
  `(${rate(`${REQUESTS}{status_class="5xx"}`, window)} or 0 * ${rate(REQUESTS, window)})` +
  ` / ${rate(REQUESTS, window)}`;

export const cacheHitRatio = (window: string) =>
  `${rate('cache_events_total{event=~"hit|stale"}', window)}` +
  ` / ${rate('cache_events_total{event=~"hit|stale|miss"}', window)}`;

export const UP = "up";

/**
 * How much a counter grew over the last `seconds`. `increase` alone misses a series born inside
 * the window (the shop's counters appear on their first event, so Prometheus never sees their
 * zero): such a series counts with its whole value.
 */
export function increaseOver(selector: string, seconds: number): string {
  const window = `${seconds}s`;
  return (
    `(sum(increase(${selector}[${window}]) and ${selector} offset ${window}) or vector(0))` +
    ` + (sum(${selector} unless ${selector} offset ${window}) or vector(0))`
  );
}

export const paidOrders = (seconds: number) =>
  increaseOver('shop_checkouts_total{outcome="paid"}', seconds);
export const declinedPayments = (seconds: number) =>
  increaseOver('shop_checkouts_total{outcome="declined"}', seconds);
export const revenueKrw = (seconds: number) => increaseOver("shop_revenue_krw_total", seconds);

/** Whether the order service (which counts checkouts and revenue) has ever been scraped. */
export const ORDER_SCRAPED = 'count(up{job="order"})';

/** The instant numbers' window. */
export const INSTANT_WINDOW = "5m";

/** Chart span and step per range: about 90–120 points each. */
export const RANGES: Record<PlatformRange, { seconds: number; stepSeconds: number }> = {
  "15m": { seconds: 15 * 60, stepSeconds: 10 },
  "1h": { seconds: 3600, stepSeconds: 30 },
  "6h": { seconds: 6 * 3600, stepSeconds: 180 },
  "24h": { seconds: 24 * 3600, stepSeconds: 720 },
};

/** A chart's rate window: a minute, or two steps when the step is longer. */
export function chartWindow(stepSeconds: number): string {
  return `${Math.max(60, 2 * stepSeconds)}s`;
}
