/**
 * Reviews as the product service answers and accepts them: a product's reviews with its rating
 * summary (BFF product page), the latest reviews across the shop (BFF home page), and the
 * customer's new review (storefront).
 */
import { z } from "zod";
import { paginated } from "./common.ts";

export const Review = z
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
export type Review = z.infer<typeof Review>;

const Stars = z.number().int().nonnegative();

export const RatingSummary = z
  .object({
    average: z.number(),
    count: z.number().int(),
    /** Number of reviews per star rating. */
    distribution: z.object({ 1: Stars, 2: Stars, 3: Stars, 4: Stars, 5: Stars }),
  })
  .meta({ id: "RatingSummary" });
export type RatingSummary = z.infer<typeof RatingSummary>;

/** `GET /api/v1/products/:id/reviews`: a page of reviews plus the product's rating summary. */
export const ProductReviewPage = paginated(Review)
  .extend({ summary: RatingSummary })
  .meta({ id: "ProductReviewPage" });
export type ProductReviewPage = z.infer<typeof ProductReviewPage>;

/** A review in `GET /api/v1/reviews` (latest across the shop), with the product it is about. */
export const LatestReview = Review.extend({
  product: z.object({
    id: z.string().uuid(),
    name: z.string(),
    slug: z.string(),
    mainImageUrl: z.string().nullable(),
  }),
}).meta({ id: "LatestReview" });
export type LatestReview = z.infer<typeof LatestReview>;

export const LatestReviewPage = paginated(LatestReview).meta({ id: "LatestReviewPage" });
export type LatestReviewPage = z.infer<typeof LatestReviewPage>;

/** `POST /api/v1/products/:id/reviews` (customers who bought the product). */
export const ReviewCreate = z
  .object({
    rating: z.number().int().min(1).max(5),
    text: z.string().trim().min(5, "write at least 5 characters").max(2000),
  })
  .strict()
  .meta({ id: "ReviewCreate" });
export type ReviewCreate = z.infer<typeof ReviewCreate>;
