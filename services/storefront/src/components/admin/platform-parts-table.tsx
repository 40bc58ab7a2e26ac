/** The platform page's table: each part's state and five-minute RED numbers. */
import clsx from "clsx";
import type { PartHealth } from "@/lib/api/platform";
import { NO_DATA, formatRate, formatRatio, formatSeconds } from "./platform-format";

function UpBadge({ up }: { up: boolean | null }) {
  const label = up === null ? "수집 안 됨" : up ? "정상" : "응답 없음";
  return (
    <span
      className={clsx(
        "inline-block rounded-full px-2 py-0.5 text-xs font-medium",
        up === null && "bg-slate-100 text-slate-600",
        up === true && "bg-emerald-50 text-emerald-800",
        up === false && "bg-red-50 text-red-800",
      )}
    >
      {label}
    </span>
  );
}

export function PlatformPartsTable({ parts }: { parts: PartHealth[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] text-left text-sm" data-testid="platform-parts">
        <caption className="pb-2 text-left text-xs text-muted">최근 5분 기준</caption>
        <thead className="border-b border-slate-200 text-xs text-muted">
          <tr>
            <th scope="col" className="py-2">
              파트
            </th>
            <th scope="col">상태</th>
            <th scope="col" className="text-right">
              초당 요청
            </th>
            <th scope="col" className="text-right">
              p99 지연
            </th>
            <th scope="col" className="text-right">
              오류율(5xx)
            </th>
            <th scope="col" className="text-right">
              캐시 적중률
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {parts.map((p) => (
            <tr key={p.part} data-testid="platform-part" data-part={p.part}>
              <th scope="row" className="py-2 font-medium">
                {p.label}
                <span className="block text-xs font-normal text-muted">{p.part}</span>
              </th>
              <td>
                <UpBadge up={p.up} />
              </td>
              <td className="text-right tabular-nums" data-metric="request-rate">
                {formatRate(p.requestRate)}
              </td>
              <td className="text-right tabular-nums" data-metric="p99">
                {formatSeconds(p.p99Seconds)}
              </td>
              <td
                className={clsx(
                  "text-right tabular-nums",
                  (p.errorRatio ?? 0) > 0.05 && "font-semibold text-red-700",
                )}
                data-metric="error-ratio"
              >
                {formatRatio(p.errorRatio)}
              </td>
              <td className="text-right tabular-nums" data-metric="cache-hit-ratio">
                {p.cached ? formatRatio(p.cacheHitRatio) : NO_DATA}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
