/** Runs the platform page's queries against Prometheus and shapes the answers into one overview. */
import {
  PLATFORM_PARTS,
  type PlatformChart,
  type PlatformOverview,
  type PlatformPartStatus,
  type PlatformRange,
} from "@shop/contracts";
import type {
  InstantSample,
  PrometheusApi,
  RangeSeries,
  RangeWindow,
} from "../clients/prometheus.client.js";
import * as q from "./platform.queries.js";

/** Parts whose own cache the page shows: the edge's HTML cache and the gateway's response cache. */
const CACHED_PARTS = new Set(["edge-proxy", "gateway"]);

const KST_OFFSET_SECONDS = 9 * 3600;

/** The last midnight in Korea (UTC+9, no daylight saving) at or before `now`, epoch seconds. */
export function koreanMidnight(nowSeconds: number): number {
  const local = nowSeconds + KST_OFFSET_SECONDS;
  return local - (local % 86_400) - KST_OFFSET_SECONDS;
}

/** A Prometheus number as the contract wants it: NaN and ±Inf are "no data". */
export function measured(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

/** Instant samples keyed by one label (`service`, or `job` for `up`). */
export function byLabel(samples: InstantSample[], label: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const sample of samples) {
    const key = sample.labels[label];
    if (key !== undefined) out.set(key, sample.value);
  }
  return out;
}

/** The known parts first, in request-path order, then any other part Prometheus reports. */
export function partNames(...seen: Iterable<string>[]): string[] {
  const known: readonly string[] = PLATFORM_PARTS;
  const extra = new Set<string>();
  for (const names of seen) for (const name of names) if (!known.includes(name)) extra.add(name);
  return [...known, ...[...extra].sort()];
}

/** Range series on the query's own time grid, one line per part (missing steps are null). */
export function toChart(
  series: RangeSeries[],
  window: RangeWindow,
  parts: string[],
): PlatformChart {
  const count = Math.floor((window.end - window.start) / window.stepSeconds) + 1;
  const timestamps = Array.from({ length: count }, (_, i) => window.start + i * window.stepSeconds);
  const lines = new Map<string, (number | null)[]>();
  for (const s of series) {
    const part = s.labels.service;
    if (part === undefined) continue;
    const values = lines.get(part) ?? new Array<number | null>(count).fill(null);
    for (const [t, v] of s.points) {
      const i = Math.round((t - window.start) / window.stepSeconds);
      if (i >= 0 && i < count) values[i] = measured(v);
    }
    lines.set(part, values);
  }
  return {
    timestamps,
    series: parts.flatMap((part) => {
      const values = lines.get(part);
      return values ? [{ part, values }] : [];
    }),
  };
}

const wholeCount = (value: number | undefined) => {
  const n = measured(value);
  return n === null ? null : Math.max(0, Math.round(n));
};

export async function readPlatform(
  prometheus: PrometheusApi,
  range: PlatformRange,
  now: Date,
): Promise<PlatformOverview> {
  const at = Math.floor(now.getTime() / 1000);
  const { seconds, stepSeconds } = q.RANGES[range];
  // Align the grid to the step so consecutive refreshes draw the same points.
  const end = at - (at % stepSeconds);
  const window: RangeWindow = { start: end - seconds, end, stepSeconds };
  const midnight = koreanMidnight(at);
  // At least a minute, so right after midnight the window still holds two samples.
  const today = Math.max(60, at - midnight);
  const w = q.INSTANT_WINDOW;
  const chart = q.chartWindow(stepSeconds);

  const [
    up,
    rates,
    p99s,
    errors,
    hits,
    orderScraped,
    paid,
    declined,
    revenue,
    rateSeries,
    p99Series,
  ] = await Promise.all([
    prometheus.instant(q.UP, at),
    prometheus.instant(q.requestRate(w), at),
    prometheus.instant(q.p99(w), at),
    prometheus.instant(q.errorRatio(w), at),
    prometheus.instant(q.cacheHitRatio(w), at),
    prometheus.instant(q.ORDER_SCRAPED, at),
    prometheus.instant(q.paidOrders(today), at),
    prometheus.instant(q.declinedPayments(today), at),
    prometheus.instant(q.revenueKrw(today), at),
    prometheus.range(q.requestRate(chart), window),
    prometheus.range(q.p99(chart), window),
  ]);

  const upByJob = byLabel(up, "job");
  const rateByPart = byLabel(rates, "service");
  const p99ByPart = byLabel(p99s, "service");
  const errorsByPart = byLabel(errors, "service");
  const hitsByPart = byLabel(hits, "service");
  const parts = partNames(upByJob.keys(), rateByPart.keys());

  const status = (part: string): PlatformPartStatus => {
    const scrape = upByJob.get(part);
    return {
      part,
      up: scrape === undefined ? null : scrape === 1,
      requestRate: measured(rateByPart.get(part)),
      p99Seconds: measured(p99ByPart.get(part)),
      errorRatio: measured(errorsByPart.get(part)),
      cacheHitRatio: CACHED_PARTS.has(part) ? measured(hitsByPart.get(part)) : null,
    };
  };
  const counted = orderScraped.length > 0;
  const total = (samples: InstantSample[]) => (counted ? wholeCount(samples[0]?.value) : null);

  return {
    at: new Date(at * 1000).toISOString(),
    range,
    stepSeconds,
    parts: parts.map(status),
    today: {
      since: new Date(midnight * 1000).toISOString(),
      paidOrders: total(paid),
      revenueKrw: total(revenue),
      declinedPayments: total(declined),
    },
    charts: {
      requestRate: toChart(rateSeries, window, parts),
      p99Seconds: toChart(p99Series, window, parts),
    },
  };
}
