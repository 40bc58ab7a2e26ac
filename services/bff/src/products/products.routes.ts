/** `GET /api/products/:idOrSlug` (product page) and `POST /api/products` (admin add-product form). */
import { Problem, ProductDetail, ProductPageData } from "@shop/contracts";
import { AppError, bearerToken, type Logger } from "@shop/platform";
import type { App } from "@shop/platform/fastify";
import { cacheFor, markDegraded } from "../http/cache-headers.js";
import type { ProductApi } from "../clients/product.client.js";
import { readForm, type FormLimits } from "./multipart-form.js";
import { createProductFromForm } from "./product-create.service.js";
import { ProductFormDoc } from "./product-create.schemas.js";
import { buildProductPage } from "./product-page.service.js";
import { ProductParams } from "./products.schemas.js";

interface Deps {
  product: ProductApi;
  logger: Logger;
  cacheSeconds: number;
  upload: FormLimits;
}

export function productRoutes(app: App, deps: Deps): void {
  app.get(
    "/api/products/:idOrSlug",
    {
      schema: {
        tags: ["catalogue"],
        summary: "Product page data",
        description:
          "Product, options, images, rating summary, latest five reviews and up to eight related products. Reviews or related products failing leave their part empty and are named in `degraded`.",
        params: ProductParams,
        response: { 200: ProductPageData, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const page = await buildProductPage(deps.product, request.params.idOrSlug, deps.logger);
      if (page.degraded.length > 0) markDegraded(reply, page.degraded);
      else cacheFor(reply, deps.cacheSeconds);
      return page;
    },
  );

  app.post(
    "/api/products",
    {
      schema: {
        tags: ["admin"],
        summary: "Add a product (admin form: fields + images)",
        description:
          "Multipart form. Fields are validated first (400 with field errors); then the images are uploaded to the product service and the product is created with their ids, both with the caller's Authorization header (the product service requires the admin role). If creating fails after the upload, the uploaded images are removed later by the product service's abandoned-upload sweep.",
        consumes: ["multipart/form-data"],
        body: ProductFormDoc,
        security: [{ bearerAuth: [] }],
        response: {
          201: ProductDetail,
          400: Problem,
          401: Problem,
          403: Problem,
        },
      },
      // The body is a multipart stream read in the handler; the schema above only documents it.
      validatorCompiler: () => (value: unknown) => ({ value }),
    },
    async (request, reply) => {
      const authorization = request.headers.authorization;
      if (!authorization || !bearerToken(authorization)) {
        throw new AppError("AUTH_REQUIRED", "Sign in as an admin to add products", {
          headers: { "www-authenticate": "Bearer" },
        });
      }
      const form = await readForm(request, deps.upload);
      const created = await createProductFromForm(deps.product, form, authorization, deps.logger);
      return reply.code(201).header("cache-control", "no-store").send(created);
    },
  );
}
