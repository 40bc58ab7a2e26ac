import { Link } from "@/components/ui/link";
import { SlidersHorizontal } from "lucide-react";
import { SORTS, SORT_LABELS, hasFilters, type CatalogFilters } from "@/lib/catalog-query";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";

/**
 * Filters as a plain GET form (works before hydration and without script): price range, on sale,
 * new, sort. Submitting puts them in the URL; the server filters through the BFF.
 */
export function FilterPanel({ basePath, filters }: { basePath: string; filters: CatalogFilters }) {
  const active = hasFilters(filters);
  return (
    <details className="group px-4" open={active ? true : undefined}>
      <summary className="flex h-9 w-fit cursor-pointer list-none items-center gap-1.5 rounded-lg border border-slate-300 px-3 text-sm font-medium">
        <SlidersHorizontal aria-hidden className="size-4" />
        필터{active ? " (적용됨)" : ""}
      </summary>
      <form
        action={basePath}
        method="get"
        className="mt-3 flex flex-col gap-3 rounded-xl border border-slate-200 p-3"
        aria-label="상품 필터"
      >
        {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
        <fieldset className="flex items-end gap-2">
          <legend className="mb-1 text-sm font-medium">가격 (원)</legend>
          <label className="flex min-w-0 flex-1 flex-col text-xs text-muted">
            최소
            <input
              name="minPrice"
              inputMode="numeric"
              pattern="[0-9]*"
              defaultValue={filters.minPrice ?? ""}
              placeholder="0"
              className="mt-1 h-10 w-full rounded-lg border border-slate-300 px-2 text-sm text-ink"
            />
          </label>
          <span aria-hidden className="pb-2">
            ~
          </span>
          <label className="flex min-w-0 flex-1 flex-col text-xs text-muted">
            최대
            <input
              name="maxPrice"
              inputMode="numeric"
              pattern="[0-9]*"
              defaultValue={filters.maxPrice ?? ""}
              placeholder="무제한"
              className="mt-1 h-10 w-full rounded-lg border border-slate-300 px-2 text-sm text-ink"
            />
          </label>
        </fieldset>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="onSale"
              value="true"
              defaultChecked={filters.onSale}
              className="size-4 accent-brand"
            />
            할인 상품만
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="isNew"
              value="true"
              defaultChecked={filters.isNew}
              className="size-4 accent-brand"
            />
            신상품만
          </label>
          {filters.featured ? <input type="hidden" name="featured" value="true" /> : null}
        </div>
        <label className="flex items-center gap-2 text-sm">
          정렬
          <select
            name="sort"
            defaultValue={filters.sort}
            className="h-10 flex-1 rounded-lg border border-slate-300 bg-white px-2"
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
        <div className="flex gap-2">
          <button type="submit" className={`${buttonPrimary} flex-1`}>
            적용
          </button>
          <Link
            href={filters.q ? `${basePath}?q=${encodeURIComponent(filters.q)}` : basePath}
            className={buttonSecondary}
          >
            초기화
          </Link>
        </div>
      </form>
    </details>
  );
}
