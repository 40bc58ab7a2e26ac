import type { ProductSummary } from "@/lib/api/products";
import { ProductCard } from "@/components/product/product-card";

/** A horizontally scrolling row of product cards. */
export function ProductRail({ products, label }: { products: ProductSummary[]; label: string }) {
  return (
    <ul className="scrollbar-none flex snap-x gap-3 overflow-x-auto px-4 pb-2" aria-label={label}>
      {products.map((product) => (
        <li key={product.id} className="w-40 shrink-0 snap-start">
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}
