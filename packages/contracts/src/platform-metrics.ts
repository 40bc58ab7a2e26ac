/**
 * The admin "platform" page's data (`GET /api/admin/platform` on the BFF): every part's RED
 * numbers and cache hit ratio, today's orders and revenue, and request-rate / p99 series for the
 * charts, all read from the stack's Prometheus. A number Prometheus has no data for is `null`.
 */
import { z } from "zod";
import { IsoDate } from "./common.ts";

/** The parts the page always lists, in request-path order (edge first). */
export const PLATFORM_PARTS = [
  "edge-proxy",
  "gateway",
  "bff",
  "auth",
  "member",
  "product",
  "cart",
  "order",
  "payment",
  "storefront",
] as const;

/** How far back the charts reach. */
export const PlatformRange = z.enum(["15m", "1h", "6h", "24h"]);
export type PlatformRange = z.infer<typeof PlatformRange>;

export const PlatformQuery = z.object({ range: PlatformRange.default("1h") });

/** A value Prometheus may not have (no samples, no traffic, 0/0). */
const Measured = z.number().finite().nullable();

export const PlatformPartStatus = z.object({
  /** The part's name: the `service` label and the scrape job. */
  part: z.string(),
  /** Whether Prometheus' last scrape of it succeeded; null when it is not scraped. */
  up: z.boolean().nullable(),
  /** Requests per second over the last five minutes. */
  requestRate: Measured,
  /** 99th percentile request duration over the last five minutes, in seconds. */
  p99Seconds: Measured,
  /** Share of requests answered with a 5xx (0–1) over the last five minutes. */
  errorRatio: Measured,
  /** (hit + stale) / (hit + stale + miss) of its cache (edge: html, gateway: response), 0–1. */
  cacheHitRatio: Measured,
});
export type PlatformPartStatus = z.infer<typeof PlatformPartStatus>;

/** One line of a chart: a value per timestamp of {@link PlatformChart.timestamps}. */
export const PlatformSeries = z.object({
  part: z.string(),
  values: z.array(Measured),
});

/** Series sharing one time axis (epoch seconds, every `stepSeconds`). */
export const PlatformChart = z.object({
  timestamps: z.array(z.number().int()),
  series: z.array(PlatformSeries),
});
export type PlatformChart = z.infer<typeof PlatformChart>;

export const PlatformOverview = z.object({
  /** The instant the numbers describe. */
  at: IsoDate,
  range: PlatformRange,
  stepSeconds: z.number().int().positive(),
  parts: z.array(PlatformPartStatus),
  /** Since midnight in Korea (Asia/Seoul); null when the order service has never been scraped. */
  today: z.object({
    since: IsoDate,
    paidOrders: z.number().int().nonnegative().nullable(),
    revenueKrw: z.number().int().nonnegative().nullable(),
    declinedPayments: z.number().int().nonnegative().nullable(),
  }),
  charts: z.object({
    /** Requests per second by part. */
    requestRate: PlatformChart,
    /** p99 request duration by part, in seconds. */
    p99Seconds: PlatformChart,
  }),
});
export type PlatformOverview = z.infer<typeof PlatformOverview>;
