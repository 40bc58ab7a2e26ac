/** Typed calls to the product service, the BFF's one upstream. */
import {
  CategoryList,
  LatestReviewPage,
  ProductDetail,
  ProductPage,
  ProductReviewPage,
  UploadedImages,
  type Category,
  type LatestReview,
  type ProductCreate,
  type UploadedImage,
} from "@shop/contracts";
import { createServiceClient, type ServiceClient } from "@shop/platform";
import type { z } from "zod";

export type ProductListQuery = Record<string, string | number | boolean | undefined | null>;

/** One file of the admin form, forwarded to the product service's upload route. */
export interface UploadFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

export interface ProductApiOptions {
  baseUrl: string;
  timeoutMs: number;
  uploadTimeoutMs: number;
}

export type ProductApi = ReturnType<typeof createProductApi>;

const seg = (value: string) => encodeURIComponent(value);

export function createProductApi(options: ProductApiOptions) {
  // One retry: a refused connection fails again within ~100 ms, so pages degrade fast.
  const client: ServiceClient = createServiceClient({
    name: "product",
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: 1,
  });

  return {
    async categories(): Promise<Category[]> {
      return (await client.get("/api/v1/categories", { schema: CategoryList })).items;
    },
    products(query: ProductListQuery) {
      return client.get("/api/v1/products", { query, schema: ProductPage });
    },
    product(idOrSlug: string) {
      return client.get(`/api/v1/products/${seg(idOrSlug)}`, { schema: ProductDetail });
    },
    productReviews(productId: string, query: { page?: number; limit: number }) {
      return client.get(`/api/v1/products/${seg(productId)}/reviews`, {
        query,
        schema: ProductReviewPage,
      });
    },
    async latestReviews(query: { limit: number; minRating?: number }): Promise<LatestReview[]> {
      return (await client.get("/api/v1/reviews", { query, schema: LatestReviewPage })).items;
    },
    /** Uploads the images with the caller's credentials; the product service checks the role. */
    async uploadImages(files: UploadFile[], authorization: string): Promise<UploadedImage[]> {
      const form = new FormData();
      for (const file of files) {
        form.append(
          "images",
          new Blob([new Uint8Array(file.data)], { type: file.mimetype }),
          file.filename,
        );
      }
      const encoded = new Request("http://multipart.local/", { method: "POST", body: form });
      const rawBody = Buffer.from(await encoded.arrayBuffer());
      const response = await client.call("/api/v1/images", {
        method: "POST",
        rawBody,
        headers: {
          authorization,
          "content-type": encoded.headers.get("content-type") ?? undefined,
        },
        timeoutMs: options.uploadTimeoutMs,
        schema: UploadedImages,
      });
      return response.body.items;
    },
    async createProduct(body: z.input<typeof ProductCreate>, authorization: string) {
      const response = await client.call("/api/v1/products", {
        method: "POST",
        body,
        headers: { authorization },
        timeoutMs: options.uploadTimeoutMs,
        schema: ProductDetail,
      });
      return response.body;
    },
    /** Liveness of the upstream for `/health/ready`. */
    async ping() {
      await client.call("/health", { timeoutMs: 500 });
    },
    close: () => client.close(),
  };
}
