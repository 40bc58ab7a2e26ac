/** Star ratings drawn as inline SVG on the server (nothing to hydrate, unlike an icon component). */

/** A five-point star polygon in a 24×24 box. */
const STAR_POINTS = Array.from({ length: 10 }, (_, i) => {
  const radius = i % 2 === 0 ? 11 : 4.6;
  const angle = (Math.PI / 5) * i - Math.PI / 2;
  return `${(12 + radius * Math.cos(angle)).toFixed(2)},${(12.6 + radius * Math.sin(angle)).toFixed(2)}`;
}).join(" ");

function StarShape({ filled, className }: { filled: boolean; className: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden
      className={`${className} ${filled ? "fill-star" : "fill-slate-300"}`}
    >
      <polygon points={STAR_POINTS} />
    </svg>
  );
}

/** "4.5 ★" as in the reference card. */
export function RatingBadge({ rating, count }: { rating: number; count?: number }) {
  return (
    <span className="inline-flex shrink-0 items-center gap-0.5 text-[13px] text-slate-700">
      <span className="sr-only">평점 </span>
      {rating.toFixed(1)}
      <StarShape filled className="size-3.5" />
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
        <StarShape key={n} filled={n <= rating} className="size-4" />
      ))}
    </span>
  );
}
