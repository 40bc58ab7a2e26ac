/** Review request and response schemas (validation + OpenAPI). */
import { z } from "zod";

export const ReviewView = z
  .object({
    id: z.string().uuid(),
    productId: z.string().uuid(),
    memberId: z.string(),
    authorName: z.string(),
    rating: z.number().int().min(1).max(5),
    text: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Review" });
export type ReviewView = z.infer<typeof ReviewView>;

export const RatingSummary = z
  .object({
    average: z.number(),
    count: z.number().int(),
    distribution: z.object({
      1: z.number().int(),
      2: z.number().int(),
      3: z.number().int(),
      4: z.number().int(),
      5: z.number().int(),
    }),
  })
  .meta({ id: "RatingSummary" });
export type RatingSummary = z.infer<typeof RatingSummary>;

export const ProductReviewPage = z
  .object({
    items: z.array(ReviewView),
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
    summary: RatingSummary,
  })
  .meta({ id: "ProductReviewPage" });

export const LatestReview = ReviewView.extend({
  product: z.object({
    id: z.string().uuid(),
    name: z.string(),
    slug: z.string(),
    mainImageUrl: z.string().nullable(),
  }),
}).meta({ id: "LatestReview" });
export type LatestReview = z.infer<typeof LatestReview>;

export const LatestReviewPage = z
  .object({
    items: z.array(LatestReview),
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  })
  .meta({ id: "LatestReviewPage" });

export const ReviewPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type ReviewPageQuery = z.infer<typeof ReviewPageQuery>;

export const LatestReviewsQuery = ReviewPageQuery.extend({
  minRating: z.coerce.number().int().min(1).max(5).optional(),
});
export type LatestReviewsQuery = z.infer<typeof LatestReviewsQuery>;

export const ReviewCreate = z
  .object({
    rating: z.number().int().min(1).max(5),
    text: z.string().trim().min(5, "write at least 5 characters").max(2000),
  })
  .strict()
  .meta({ id: "ReviewCreate" });
export type ReviewCreate = z.infer<typeof ReviewCreate>;

export const ReviewParams = z.object({
  id: z.string().min(1).max(200).meta({ description: "Product id or slug" }),
});
export type ReviewParams = z.infer<typeof ReviewParams>;
