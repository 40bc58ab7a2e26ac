import type { ProductSummary } from "@/lib/api/products";
import { ProductCard } from "./product-card";

/** Two-column product grid; the first `eager` images load eagerly (they are above the fold). */
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
        <li key={product.id} className="flex">
          <div className="w-full">
            <ProductCard product={product} preload={index < eager} />
          </div>
        </li>
      ))}
    </ul>
  );
}
