import type { RatingSummary as Summary } from "@/lib/api/products";
import { Stars } from "./stars";

/** Average rating with the per-star distribution bars. */
export function RatingSummary({ rating }: { rating: Summary }) {
  const max = Math.max(1, ...rating.distribution);
  return (
    <div className="flex items-center gap-5 px-4">
      <div className="flex flex-col items-center">
        <p className="text-3xl font-bold">{rating.average.toFixed(1)}</p>
        <Stars
          rating={Math.round(rating.average)}
          label={`평균 별점 ${rating.average.toFixed(1)}점`}
        />
        <p className="mt-1 text-xs text-slate-600">리뷰 {rating.count.toLocaleString("ko-KR")}개</p>
      </div>
      <ul className="flex flex-1 flex-col gap-1" aria-label="별점 분포">
        {[5, 4, 3, 2, 1].map((star) => {
          const n = rating.distribution[star - 1] ?? 0;
          return (
            <li key={star} className="flex items-center gap-2 text-xs text-slate-700">
              <span className="w-6">{star}점</span>
              <span className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                <span
                  className="block h-full rounded-full bg-star"
                  style={{ width: `${(n / max) * 100}%` }}
                />
              </span>
              <span className="w-8 text-right">{n}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
