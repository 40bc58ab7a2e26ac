/** Categories and the category page (BFF `/api/categories`): grid, filters and pagination. */
import {
  CategoryList,
  CategoryPage,
  type Category as CategoryWire,
  type CategoryRef,
} from "@shop/contracts";
import { request, type Transport } from "./http";
import { mapPage, parseWith, type Page } from "./wire";
import { summaryView, type ProductSummary } from "./products";
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

export function categoryView(wire: CategoryWire | CategoryRef): Category {
  return { id: wire.id, name: wire.name, slug: wire.slug, iconCode: wire.iconCode };
}

function categoryPageView(wire: CategoryPage): CategoryPageView {
  return {
    categories: wire.categories.map(categoryView),
    selected: wire.selected ? categoryView(wire.selected) : null,
    products: mapPage(wire.products, summaryView),
  };
}

export const toCategoryPage = parseWith(CategoryPage, categoryPageView, "category page");

/** `GET /api/categories?…` (BFF): categories plus the server-side filtered product grid. */
export function getCategoryPage(t: Transport, filters: CatalogFilters): Promise<CategoryPageView> {
  return request(t, "/api/categories", { query: toQuery(filters) }, toCategoryPage);
}

/** `GET /api/v1/categories` (product service). */
export function listCategories(t: Transport): Promise<Category[]> {
  return request(
    t,
    "/api/v1/categories",
    {},
    parseWith(CategoryList, (list) => list.items.map(categoryView), "categories"),
  );
}
