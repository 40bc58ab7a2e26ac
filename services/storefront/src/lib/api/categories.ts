/** Categories and the category page (BFF `/api/categories`): grid, filters and pagination. */
import { request, type Transport } from "./http";
import { arr, obj, optStr, str, toPage, type Page } from "./wire";
import { toProductSummary, type ProductSummary } from "./products";
import { toQuery, type CatalogFilters } from "../catalog-query";

export interface Category {
  id: string;
  name: string;
  slug: string;
  /** Icon code from the catalogue (`clothing`, `shoes`, …). */
  iconCode: string;
}

export interface CategoryPageView {
  categories: Category[];
  selected: Category | null;
  products: Page<ProductSummary>;
}

export function toCategory(value: unknown): Category {
  const w = obj(value, "category");
  const slug = str(w.slug, "category.slug");
  return {
    id: str(w.id, "category.id"),
    name: str(w.name, "category.name"),
    slug,
    iconCode: optStr(w.iconCode) ?? slug,
  };
}

export function toCategoryPage(value: unknown): CategoryPageView {
  const w = obj(value, "category page");
  return {
    categories: arr(w.categories).map(toCategory),
    selected: w.selected ? toCategory(w.selected) : null,
    products: toPage(w.products, toProductSummary),
  };
}

/** `GET /api/categories?…` (BFF): categories plus the server-side filtered product grid. */
export function getCategoryPage(t: Transport, filters: CatalogFilters): Promise<CategoryPageView> {
  return request(t, "/api/categories", { query: toQuery(filters) }, toCategoryPage);
}

/** `GET /api/v1/categories` (product service). */
export function listCategories(t: Transport): Promise<Category[]> {
  return request(t, "/api/v1/categories", {}, (wire) => {
    const list = Array.isArray(wire) ? wire : obj(wire, "categories").items;
    return arr(list).map(toCategory);
  });
}
