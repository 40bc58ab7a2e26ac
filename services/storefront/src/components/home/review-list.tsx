import { Link } from "@/components/ui/link";
import type { Review } from "@/lib/api/reviews";
import { Stars } from "@/components/product/stars";

/** Latest reviews across the shop (home) or of one product. */
export function ReviewList({
  reviews,
  showProduct = false,
}: {
  reviews: Review[];
  showProduct?: boolean;
}) {
  return (
    <ul className="flex flex-col gap-3 px-4">
      {reviews.map((review) => (
        <li key={review.id} className="rounded-xl border border-slate-100 bg-slate-50/60 p-3">
          <div className="flex items-center justify-between gap-2">
            <Stars rating={review.rating} />
            <span className="text-xs text-slate-600">{review.authorName}</span>
          </div>
          {showProduct && review.product ? (
            <Link
              href={`/products/${review.product.slug}`}
              className="mt-1 block text-sm font-semibold hover:underline"
            >
              {review.product.name}
            </Link>
          ) : null}
          <p className="mt-1 line-clamp-3 text-sm text-slate-700">{review.text}</p>
        </li>
      ))}
    </ul>
  );
}
