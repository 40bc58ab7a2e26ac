/** Catalogue reads shared by a page and its generateMetadata (deduplicated per request). */
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getCategoryPage, type CategoryPageView } from "./api/categories";
import { ApiError } from "./api/http";
import { getProductPage, type ProductPageView } from "./api/products";
import { publicGateway } from "./api/server";
import { parseFilters, type CatalogFilters, type SearchParams } from "./catalog-query";
import { routeParam } from "./route-param";

const loadCategoryPage = cache(async (key: string): Promise<CategoryPageView> => {
  const filters = JSON.parse(key) as CatalogFilters;
  try {
    return await getCategoryPage(await publicGateway(), filters);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
});

export function categoryFilters(params: SearchParams, slug: string | null): CatalogFilters {
  return parseFilters(params, slug === null ? null : routeParam(slug));
}

export function categoryPage(filters: CatalogFilters): Promise<CategoryPageView> {
  return loadCategoryPage(JSON.stringify(filters));
}

/** The product page's data by slug or id (the route segment, decoded once). */
export function productPage(slug: string): Promise<ProductPageView> {
  return loadProductPage(routeParam(slug));
}

const loadProductPage = cache(async (slug: string): Promise<ProductPageView> => {
  try {
    return await getProductPage(await publicGateway(), slug);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  }
});
