import type { Metadata } from "next";
import { FilterTabs } from "@/components/admin/filter-tabs";
import { AutoRefresh } from "@/components/admin/auto-refresh";
import { PlatformChart } from "@/components/admin/platform-chart";
import { formatCount } from "@/components/admin/platform-format";
import { PlatformPartsTable } from "@/components/admin/platform-parts-table";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api/http";
import {
  PLATFORM_RANGES,
  RANGE_LABELS,
  getPlatformOverview,
  type PlatformOverview,
  type PlatformRange,
} from "@/lib/api/platform";
import { userGateway } from "@/lib/api/server";
import { formatDateTime, formatWon } from "@/lib/format";
import { requireAdmin } from "@/lib/session";

export const metadata: Metadata = { title: "플랫폼 상태" };

const REFRESH_SECONDS = 15;

interface Props {
  searchParams: Promise<{ range?: string }>;
}

/** Prometheus down (503) or answering oddly (502) is a message on the page, not an error page. */
async function load(range: PlatformRange): Promise<PlatformOverview | ApiError> {
  try {
    return await getPlatformOverview(await userGateway(), range);
  } catch (error) {
    if (error instanceof ApiError && error.status >= 500) return error;
    throw error;
  }
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export default async function AdminPlatformPage({ searchParams }: Props) {
  await requireAdmin("/admin/platform");
  const params = await searchParams;
  const range = PLATFORM_RANGES.includes(params.range as PlatformRange)
    ? (params.range as PlatformRange)
    : "1h";
  const overview = await load(range);

  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">플랫폼 상태</h1>
          <p className="text-sm text-muted">
            Prometheus 지표 · {REFRESH_SECONDS}초마다 새로 고침
            {overview instanceof ApiError ? null : <> · {formatDateTime(overview.at)} 기준</>}
          </p>
        </div>
        <FilterTabs
          label="차트 기간"
          tabs={PLATFORM_RANGES.map((r) => ({
            key: r,
            href: `/admin/platform?range=${r}`,
            label: RANGE_LABELS[r],
            current: r === range,
          }))}
        />
      </div>

      {overview instanceof ApiError ? (
        <Alert tone="error">
          {overview.code === "DEPENDENCY_UNAVAILABLE"
            ? "지표 서버(Prometheus)에 연결할 수 없어 플랫폼 상태를 보여 드릴 수 없어요. "
            : "플랫폼 지표를 불러오지 못했어요. "}
          {REFRESH_SECONDS}초 뒤에 다시 시도합니다.
        </Alert>
      ) : (
        <>
          <section aria-labelledby="today-heading" className="flex flex-col gap-2">
            <h2 id="today-heading" className="text-lg font-semibold">
              오늘 (한국 시간 0시부터)
            </h2>
            <dl className="grid gap-3 sm:grid-cols-3">
              <Stat
                label="결제 완료 주문"
                value={formatCount(overview.today.paidOrders)}
                testId="today-orders"
              />
              <Stat
                label="매출"
                value={
                  overview.today.revenueKrw === null ? "—" : formatWon(overview.today.revenueKrw)
                }
                testId="today-revenue"
              />
              <Stat
                label="결제 거절"
                value={formatCount(overview.today.declinedPayments)}
                testId="today-declined"
              />
            </dl>
          </section>

          <section aria-labelledby="parts-heading" className="flex flex-col gap-2">
            <h2 id="parts-heading" className="text-lg font-semibold">
              파트별 상태
            </h2>
            <PlatformPartsTable parts={overview.parts} />
          </section>

          <section aria-labelledby="charts-heading" className="flex flex-col gap-3">
            <h2 id="charts-heading" className="text-lg font-semibold">
              최근 {RANGE_LABELS[range]}
            </h2>
            <div className="grid gap-4 lg:grid-cols-2">
              <PlatformChart title="초당 요청 수" data={overview.requestRate} unit="rate" />
              <PlatformChart title="p99 응답 시간" data={overview.p99Seconds} unit="seconds" />
            </div>
          </section>
        </>
      )}
    </div>
  );
}
