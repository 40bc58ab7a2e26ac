import { Link } from "@/components/ui/link";
import type { ProductSummary } from "@/lib/api/products";
import { Price } from "./price";
import { ProductImage } from "./product-image";
import { RatingBadge } from "./stars";
import { Swatches } from "./swatches";
import { WishlistHeart } from "./wishlist-heart";

/** The reference design's product card: image, discount badge, heart, swatches, rating, prices. */
export function ProductCard({
  product,
  preload = false,
}: {
  product: ProductSummary;
  preload?: boolean;
}) {
  const soldOut = product.stock <= 0;
  return (
    <article className="relative flex flex-col overflow-hidden rounded-2xl border border-slate-100 bg-white shadow-[0_2px_10px_rgba(15,23,42,0.06)]">
      <div className="relative aspect-square bg-slate-50">
        <ProductImage
          url={product.imageUrl}
          alt={product.name}
          sizes="(max-width: 480px) 46vw, 220px"
          preload={preload}
        />
        {product.discountPercent > 0 ? (
          <span className="absolute left-2 top-2 rounded-full bg-sale px-2 py-0.5 text-xs font-bold text-white">
            {product.discountPercent}%<span className="sr-only"> 할인</span>
          </span>
        ) : product.isNew ? (
          <span className="absolute left-2 top-2 rounded-full bg-accent px-2 py-0.5 text-xs font-bold text-white">
            NEW
          </span>
        ) : null}
        {soldOut ? (
          <span className="absolute inset-x-0 bottom-0 bg-slate-900/70 py-1 text-center text-xs font-semibold text-white">
            품절
          </span>
        ) : null}
        <div className="absolute bottom-2 inset-x-0">
          <Swatches colours={product.colours} />
        </div>
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <div className="flex items-start justify-between gap-2">
          <h3 className="line-clamp-1 text-sm font-semibold">
            <Link
              href={`/products/${product.slug}`}
              className="after:absolute after:inset-0 after:content-['']"
            >
              {product.name}
            </Link>
          </h3>
          {product.reviewCount > 0 ? <RatingBadge rating={product.rating} /> : null}
        </div>
        <p className="line-clamp-1 text-xs text-slate-600">{product.blurb ?? product.brand}</p>
        <Price price={product.price} originalPrice={product.originalPrice} />
      </div>
      <WishlistHeart
        productId={product.id}
        productName={product.name}
        className="absolute right-2 top-2 z-10"
      />
    </article>
  );
}
