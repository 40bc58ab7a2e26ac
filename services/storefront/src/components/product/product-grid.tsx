import type { ProductSummary } from "@/lib/api/products";
import { ProductCard } from "./product-card";

/**
 * Two-column product grid; the first row's images load eagerly (they are above the fold). Rows
 * below the first skip layout and paint until scrolled near (content-visibility), which keeps the
 * first render of long grids cheap on phones.
 */
export function ProductGrid({
  products,
  eager = 0,
  label,
}: {
  products: ProductSummary[];
  eager?: number;
  label?: string;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 px-4" aria-label={label}>
      {products.map((product, index) => (
        <li
          key={product.id}
          className={
            index < 2
              ? "flex"
              : "flex [contain-intrinsic-size:auto_300px] [content-visibility:auto]"
          }
        >
          <div className="w-full">
            <ProductCard product={product} preload={index < eager} />
          </div>
        </li>
      ))}
    </ul>
  );
}
