import { Star } from "lucide-react";

/** "4.5 ★" as in the reference card. */
export function RatingBadge({ rating, count }: { rating: number; count?: number }) {
  return (
    <span className="inline-flex shrink-0 items-center gap-0.5 text-[13px] text-slate-700">
      <span className="sr-only">평점 </span>
      {rating.toFixed(1)}
      <Star aria-hidden className="size-3.5 fill-star text-star" />
      {count !== undefined ? <span className="text-slate-600">({count})</span> : null}
    </span>
  );
}

/** Five stars filled to `rating` (whole stars), for reviews. */
export function Stars({ rating, label }: { rating: number; label?: string }) {
  return (
    <span
      className="inline-flex items-center"
      role="img"
      aria-label={label ?? `별점 ${rating}점 (5점 만점)`}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <Star
          key={n}
          aria-hidden
          className={n <= rating ? "size-4 fill-star text-star" : "size-4 text-slate-300"}
        />
      ))}
    </span>
  );
}
