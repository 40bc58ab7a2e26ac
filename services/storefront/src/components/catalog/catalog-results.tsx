import type { Page } from "@/lib/api/wire";
import type { ProductSummary } from "@/lib/api/products";
import type { CatalogFilters } from "@/lib/catalog-query";
import { ProductGrid } from "@/components/product/product-grid";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterPanel } from "./filter-panel";
import { Pagination } from "./pagination";
import { SortSelect } from "./sort-select";

/** Toolbar (count, sort, filters), the product grid and pagination of a catalogue page. */
export function CatalogResults({
  basePath,
  filters,
  products,
}: {
  basePath: string;
  filters: CatalogFilters;
  products: Page<ProductSummary>;
}) {
  return (
    <section className="flex flex-col gap-3" aria-labelledby="results-title">
      <h2 id="results-title" className="sr-only">
        상품 목록
      </h2>
      <div className="flex items-center justify-between px-4">
        <p className="text-sm text-muted" role="status">
          상품 <strong className="text-ink">{products.total.toLocaleString("ko-KR")}</strong>개
        </p>
        <SortSelect basePath={basePath} filters={filters} />
      </div>
      <FilterPanel basePath={basePath} filters={filters} />
      {products.items.length ? (
        <ProductGrid products={products.items} eager={2} label="상품 목록" />
      ) : (
        <EmptyState title="조건에 맞는 상품이 없어요">
          필터를 바꾸거나 다른 검색어로 찾아보세요.
        </EmptyState>
      )}
      <Pagination basePath={basePath} filters={filters} totalPages={products.totalPages} />
    </section>
  );
}
