/**
 * The review routes' own query and path schemas. Review shapes and the new-review body are
 * contracts with the BFF and the storefront: they live in @shop/contracts.
 */
import { z } from "zod";

export const ReviewPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type ReviewPageQuery = z.infer<typeof ReviewPageQuery>;

export const LatestReviewsQuery = ReviewPageQuery.extend({
  minRating: z.coerce.number().int().min(1).max(5).optional(),
});
export type LatestReviewsQuery = z.infer<typeof LatestReviewsQuery>;

export const ReviewParams = z.object({
  id: z.string().min(1).max(200).meta({ description: "Product id or slug" }),
});
export type ReviewParams = z.infer<typeof ReviewParams>;
