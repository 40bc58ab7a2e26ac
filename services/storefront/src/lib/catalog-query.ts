/**
 * Catalogue filters as they live in the URL (`/categories/shoes?sort=price_asc&onSale=1&page=2`):
 * parsed leniently (a bad value is dropped, never an error page) and written back canonically
 * (defaults left out, fixed key order) so equal filters give equal URLs for the edge cache.
 */
import type { QueryValue } from "./api/http";

export const SORTS = ["newest", "price_asc", "price_desc", "rating", "popular"] as const;
export type Sort = (typeof SORTS)[number];

export const SORT_LABELS: Record<Sort, string> = {
  newest: "최신순",
  price_asc: "낮은 가격순",
  price_desc: "높은 가격순",
  rating: "평점순",
  popular: "인기순",
};

export const PAGE_SIZE = 20;
const MAX_PRICE = 100_000_000;

export interface CatalogFilters {
  category: string | null;
  q: string | null;
  sort: Sort;
  minPrice: number | null;
  maxPrice: number | null;
  onSale: boolean;
  isNew: boolean;
  featured: boolean;
  page: number;
}

export type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function price(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value.replaceAll(",", ""));
  return Number.isInteger(n) && n >= 0 && n <= MAX_PRICE ? n : null;
}

function flag(value: string | undefined): boolean {
  return value === "1" || value === "true" || value === "on";
}

/** Filters from a page's search params (and the category slug from the path, if any). */
export function parseFilters(params: SearchParams, category: string | null = null): CatalogFilters {
  const sort = first(params.sort);
  const page = Number(first(params.page));
  const q = first(params.q)?.trim().slice(0, 100) || null;
  let minPrice = price(first(params.minPrice));
  let maxPrice = price(first(params.maxPrice));
  if (minPrice !== null && maxPrice !== null && minPrice > maxPrice)
    [minPrice, maxPrice] = [maxPrice, minPrice];
  return {
    category,
    q,
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : "newest",
    minPrice,
    maxPrice,
    onSale: flag(first(params.onSale)),
    isNew: flag(first(params.isNew)),
    featured: flag(first(params.featured)),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** Query for the BFF's `/api/categories`. */
export function toQuery(filters: CatalogFilters): Record<string, QueryValue> {
  return {
    category: filters.category,
    q: filters.q,
    sort: filters.sort,
    minPrice: filters.minPrice,
    maxPrice: filters.maxPrice,
    onSale: filters.onSale ? "true" : undefined,
    isNew: filters.isNew ? "true" : undefined,
    featured: filters.featured ? "true" : undefined,
    page: filters.page,
    limit: PAGE_SIZE,
  };
}

/** The canonical `?…` of a catalogue URL (category is in the path, so left out). */
export function toSearch(filters: CatalogFilters, change: Partial<CatalogFilters> = {}): string {
  const f = { ...filters, ...change };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.sort !== "newest") params.set("sort", f.sort);
  if (f.minPrice !== null) params.set("minPrice", String(f.minPrice));
  if (f.maxPrice !== null) params.set("maxPrice", String(f.maxPrice));
  if (f.onSale) params.set("onSale", "true");
  if (f.isNew) params.set("isNew", "true");
  if (f.featured) params.set("featured", "true");
  if (f.page > 1) params.set("page", String(f.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** True when any filter beyond the category and search text is applied. */
export function hasFilters(filters: CatalogFilters): boolean {
  return (
    filters.minPrice !== null ||
    filters.maxPrice !== null ||
    filters.onSale ||
    filters.isNew ||
    filters.featured ||
    filters.sort !== "newest"
  );
}

/** Page numbers to show around `current` (with `null` for a gap of two or more pages). */
export function pageWindow(current: number, total: number, span = 2): (number | null)[] {
  if (total <= 1) return [1];
  const wanted = new Set<number>([1, total]);
  for (let p = current - span; p <= current + span; p++) if (p >= 1 && p <= total) wanted.add(p);
  // A gap of exactly one page shows that page instead of "…".
  for (const p of [...wanted]) if (wanted.has(p + 2) && !wanted.has(p + 1)) wanted.add(p + 1);
  const pages = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  pages.forEach((p, i) => {
    if (i > 0 && p - pages[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}
