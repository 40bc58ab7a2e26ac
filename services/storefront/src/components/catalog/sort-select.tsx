"use client";

import { useRouter } from "next/navigation";
import { SORTS, SORT_LABELS, toSearch, type CatalogFilters, type Sort } from "@/lib/catalog-query";

/** Sort order; changing it navigates to the canonical URL (page reset to 1). */
export function SortSelect({ basePath, filters }: { basePath: string; filters: CatalogFilters }) {
  const router = useRouter();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="sort" className="sr-only">
        정렬
      </label>
      <select
        id="sort"
        value={filters.sort}
        onChange={(e) =>
          router.push(`${basePath}${toSearch(filters, { sort: e.target.value as Sort, page: 1 })}`)
        }
        className="h-9 rounded-lg border border-slate-300 bg-white px-2 text-sm"
      >
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
    </div>
  );
}
