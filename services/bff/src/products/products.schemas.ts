/** `/api/products/:idOrSlug` (product page) and `POST /api/products` (admin form). */
import {
  ProductDetail,
  ProductImage,
  ProductOption,
  ProductSummary,
  RatingSummary,
  Review,
} from "@shop/contracts";
import { z } from "zod";

export const ProductParams = z.object({
  idOrSlug: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\p{L}\p{N}_-]+$/u, "must be a product id or slug"),
});

export const ProductPageData = z.object({
  product: ProductDetail,
  options: z.array(ProductOption),
  images: z.array(ProductImage),
  rating: RatingSummary,
  /** Latest five reviews. */
  reviews: z.array(Review),
  /** Up to eight products of the same category, this one excluded. */
  related: z.array(ProductSummary),
  /** Parts left empty because their upstream call failed (`reviews`, `related`). */
  degraded: z.array(z.string()),
});
export type ProductPageData = z.infer<typeof ProductPageData>;
