/** The service's OpenAPI 3.1 document, built from the same zod schemas that validate requests. */
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import {
  Category,
  CategoryList,
  LatestReviewPage,
  ProductCreate,
  ProductDetail,
  ProductPage,
  ProductReviewPage,
  ProductUpdate,
  Review,
  ReviewCreate,
  UploadedImages,
} from "@shop/contracts";
import {
  CategoryCreate,
  CategoryListQuery,
  CategoryUpdate,
} from "../categories/categories.schemas.js";
import { IdOrSlugParam, IdParam } from "../common/schemas.js";
import { ImageKeyParam, MultipartImages, ProductImageParams } from "../images/images.schemas.js";
import { ProductIdParam, ProductListQuery, ProductParams } from "../products/products.schemas.js";
import { LatestReviewsQuery, ReviewPageQuery, ReviewParams } from "../reviews/reviews.schemas.js";
import { internalPaths } from "./internal-paths.js";
import { admin, adminErrors, body, json, op, problem } from "./openapi-kit.js";

const productOps = {
  list: op(["products"], "List products (filter, search, sort, paginate)", {
    requestParams: { query: ProductListQuery },
    responses: {
      200: json("A page of products", ProductPage),
      400: problem("Bad query values"),
      404: problem("Unknown category"),
    },
  }),
  create: op(["products"], "Create a product (admin)", {
    ...admin,
    requestBody: body(ProductCreate),
    responses: {
      201: json("The created product", ProductDetail),
      400: problem("Invalid fields"),
      ...adminErrors,
      409: problem("Slug taken"),
    },
  }),
  update: op(["products"], "Change a product (admin; every field optional)", {
    ...admin,
    requestParams: { path: ProductIdParam },
    requestBody: body(ProductUpdate),
    responses: {
      200: json("The product", ProductDetail),
      400: problem("Invalid fields"),
      ...adminErrors,
      404: problem("No such product"),
    },
  }),
};

const paths: ZodOpenApiPathsObject = {
  "/api/v1/categories": {
    get: op(["categories"], "List categories", {
      requestParams: { query: CategoryListQuery },
      responses: { 200: json("Categories in display order", CategoryList) },
    }),
    post: op(["categories"], "Create a category (admin)", {
      ...admin,
      requestBody: body(CategoryCreate),
      responses: {
        201: json("The category", Category),
        400: problem("Invalid fields"),
        ...adminErrors,
        409: problem("Slug taken"),
      },
    }),
  },
  "/api/v1/categories/{idOrSlug}": {
    get: op(["categories"], "Get a category by id or slug", {
      requestParams: { path: IdOrSlugParam },
      responses: { 200: json("The category", Category), 404: problem("No such category") },
    }),
  },
  "/api/v1/categories/{id}": {
    put: op(["categories"], "Change a category (admin; PATCH too)", {
      ...admin,
      requestParams: { path: IdParam },
      requestBody: body(CategoryUpdate),
      responses: {
        200: json("The category", Category),
        400: problem("Invalid fields"),
        ...adminErrors,
        404: problem("No such category"),
      },
    }),
    delete: op(["categories"], "Soft-delete an empty category (admin)", {
      ...admin,
      requestParams: { path: IdParam },
      responses: {
        204: { description: "Deleted" },
        ...adminErrors,
        404: problem("No such category"),
        409: problem("Still has products"),
      },
    }),
  },
  "/api/v1/products": { get: productOps.list, post: productOps.create },
  "/api/v1/products/{idOrSlug}": {
    get: op(["products"], "Get a product by id or slug, with options, images and category", {
      requestParams: { path: ProductParams },
      responses: { 200: json("The product", ProductDetail), 404: problem("No such product") },
    }),
  },
  "/api/v1/products/{id}": {
    put: productOps.update,
    patch: productOps.update,
    delete: op(["products"], "Soft-delete a product (admin)", {
      ...admin,
      requestParams: { path: ProductIdParam },
      responses: {
        204: { description: "Deleted" },
        ...adminErrors,
        404: problem("No such product"),
      },
    }),
  },
  "/api/v1/images": {
    post: op(["images"], "Upload images before creating a product (admin)", {
      ...admin,
      description:
        "Files are checked by content, re-encoded to WebP without metadata; unattached uploads are deleted after 24 h.",
      requestBody: { content: { "multipart/form-data": { schema: MultipartImages } } },
      responses: {
        201: json("Stored images (not yet attached)", UploadedImages),
        400: problem("No file"),
        ...adminErrors,
        413: problem("Larger than 5 MB or too many pixels"),
        415: problem("Not a JPEG, PNG, WebP, AVIF or GIF image"),
      },
    }),
  },
  "/api/v1/products/{id}/images": {
    post: op(["images"], "Upload images onto an existing product (admin)", {
      ...admin,
      requestParams: { path: ProductIdParam },
      requestBody: { content: { "multipart/form-data": { schema: MultipartImages } } },
      responses: {
        201: json("Stored images", UploadedImages),
        ...adminErrors,
        404: problem("No such product"),
        413: problem("Too large"),
        415: problem("Not an image"),
      },
    }),
  },
  "/api/v1/products/{id}/images/{imageId}": {
    delete: op(["images"], "Delete an image of a product (admin)", {
      ...admin,
      requestParams: { path: ProductImageParams },
      responses: { 204: { description: "Deleted" }, ...adminErrors, 404: problem("No such image") },
    }),
  },
  "/api/v1/products/{id}/reviews": {
    get: op(["reviews"], "Reviews of a product, newest first, with the rating summary", {
      requestParams: { path: ReviewParams, query: ReviewPageQuery },
      responses: {
        200: json("A page of reviews", ProductReviewPage),
        404: problem("No such product"),
      },
    }),
    post: op(["reviews"], "Review a product (signed-in customer; once per product)", {
      security: [{ bearer: [] }],
      requestParams: { path: ReviewParams },
      requestBody: body(ReviewCreate),
      responses: {
        201: json("The review", Review),
        400: problem("Invalid fields"),
        401: problem("Not signed in"),
        404: problem("No such product"),
        409: problem("Already reviewed"),
      },
    }),
  },
  "/api/v1/reviews": {
    get: op(["reviews"], "Latest reviews across the shop, with their product", {
      requestParams: { query: LatestReviewsQuery },
      responses: { 200: json("A page of reviews", LatestReviewPage) },
    }),
  },
  "/images/{key}": {
    get: op(["images"], "An image file (immutable, cached for a year)", {
      requestParams: { path: ImageKeyParam },
      responses: {
        200: { description: "WebP image", content: { "image/webp": {} } },
        404: problem("No such image"),
      },
    }),
  },
  ...internalPaths,
};

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Product service",
      version: "1.0.0",
      description:
        "Catalogue of the shop: categories, products, options, images, reviews and stock reservations.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        internalKey: { type: "apiKey", in: "header", name: "X-Internal-Key" },
      },
    },
    paths,
  });
  return cached;
}
