/** `GET /api/categories`. */
import { CategoryPage, Problem } from "@shop/contracts";
import type { App } from "@shop/platform/fastify";
import { cacheFor } from "../http/cache-headers.js";
import type { ProductApi } from "../clients/product.client.js";
import { CategoryQuery } from "./categories.schemas.js";
import { buildCategoryPage } from "./categories.service.js";

export function categoryRoutes(
  app: App,
  deps: { product: ProductApi; cacheSeconds: number },
): void {
  app.get(
    "/api/categories",
    {
      schema: {
        tags: ["catalogue"],
        summary: "Categories with a filtered, sorted, paginated product grid",
        description:
          "Filtering, sorting and pagination run in the product service. `filters` echoes the applied query, normalised (unset filters are null; `category` is the slug).",
        querystring: CategoryQuery,
        response: { 200: CategoryPage, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const page = await buildCategoryPage(deps.product, request.query);
      cacheFor(reply, deps.cacheSeconds);
      return page;
    },
  );
}
