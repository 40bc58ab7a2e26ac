/** The admin platform page's data (BFF `GET /api/admin/platform` through the gateway, admin only). */
import {
  PlatformOverview as PlatformOverviewWire,
  PlatformRange,
  type PlatformChart as PlatformChartWire,
} from "@shop/contracts";
import { request, type Transport } from "./http";
import { parseWith } from "./wire";

export type { PlatformRange };
export const PLATFORM_RANGES: readonly PlatformRange[] = PlatformRange.options;

export const RANGE_LABELS: Record<PlatformRange, string> = {
  "15m": "15분",
  "1h": "1시간",
  "6h": "6시간",
  "24h": "24시간",
};

const PART_LABELS: Record<string, string> = {
  "edge-proxy": "엣지 프록시",
  gateway: "게이트웨이",
  bff: "BFF",
  auth: "인증",
  member: "회원",
  product: "상품",
  cart: "장바구니",
  order: "주문",
  payment: "결제",
  storefront: "스토어프런트",
};

export interface PartHealth {
  part: string;
  label: string;
  up: boolean | null;
  requestRate: number | null;
  p99Seconds: number | null;
  errorRatio: number | null;
  cacheHitRatio: number | null;
  /** Whether the part has a cache of its own (the edge and the gateway). */
  cached: boolean;
}

export interface ChartLine {
  part: string;
  label: string;
  values: (number | null)[];
}

export interface ChartData {
  timestamps: number[];
  lines: ChartLine[];
}

export interface PlatformOverview {
  at: string;
  range: PlatformRange;
  parts: PartHealth[];
  today: {
    since: string;
    paidOrders: number | null;
    revenueKrw: number | null;
    declinedPayments: number | null;
  };
  requestRate: ChartData;
  p99Seconds: ChartData;
}

export function partLabel(part: string): string {
  return PART_LABELS[part] ?? part;
}

function toChart(wire: PlatformChartWire): ChartData {
  return {
    timestamps: wire.timestamps,
    lines: wire.series.map((s) => ({ part: s.part, label: partLabel(s.part), values: s.values })),
  };
}

export function toPlatformOverview(
  wire: ReturnType<typeof PlatformOverviewWire.parse>,
): PlatformOverview {
  return {
    at: wire.at,
    range: wire.range,
    parts: wire.parts.map((p) => ({
      ...p,
      label: partLabel(p.part),
      cached: p.part === "edge-proxy" || p.part === "gateway",
    })),
    today: wire.today,
    requestRate: toChart(wire.charts.requestRate),
    p99Seconds: toChart(wire.charts.p99Seconds),
  };
}

export function getPlatformOverview(t: Transport, range: PlatformRange): Promise<PlatformOverview> {
  return request(
    t,
    "/api/admin/platform",
    { query: { range } },
    parseWith(PlatformOverviewWire, toPlatformOverview, "platform"),
  );
}
