/** Category page: the category list and one server-side filtered, sorted, paginated product grid. */
import type { AppliedFilters, CategoryPage } from "@shop/contracts";
import { AppError } from "@shop/platform";
import type { ProductApi } from "../clients/product.client.js";
import type { CategoryQuery } from "./categories.schemas.js";

export function normaliseFilters(query: CategoryQuery): AppliedFilters {
  return {
    category: query.category ?? null,
    page: query.page,
    limit: query.limit,
    sort: query.sort,
    minPrice: query.minPrice ?? null,
    maxPrice: query.maxPrice ?? null,
    q: query.q ? query.q : null,
    onSale: query.onSale ?? null,
    isNew: query.isNew ?? null,
    featured: query.featured ?? null,
  };
}

export async function buildCategoryPage(
  product: ProductApi,
  query: CategoryQuery,
): Promise<CategoryPage> {
  const filters = normaliseFilters(query);
  const [categoryList, productGrid] = await Promise.allSettled([
    product.categories(),
    product.products({
      category: filters.category,
      page: filters.page,
      limit: filters.limit,
      sort: filters.sort,
      minPrice: filters.minPrice,
      maxPrice: filters.maxPrice,
      q: filters.q,
      onSale: filters.onSale,
      isNew: filters.isNew,
      featured: filters.featured,
    }),
  ]);
  if (categoryList.status === "rejected") throw categoryList.reason;
  const categories = categoryList.value;
  let selected = null;
  if (filters.category) {
    const wanted = filters.category;
    selected = categories.find((c) => c.id === wanted || c.slug === wanted) ?? null;
    if (!selected) throw new AppError("CATEGORY_NOT_FOUND", `No category '${wanted}'`);
    // Echo the slug, so `?category=<id>` and `?category=<slug>` report the same filters.
    filters.category = selected.slug;
  }
  if (productGrid.status === "rejected") throw productGrid.reason;
  const products = productGrid.value;
  return { categories, selected, products, filters };
}
