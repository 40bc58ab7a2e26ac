/** Reviews: per-product list and create (signed-in customers), and the latest reviews across the shop. */
import { Access, CurrentIdentity } from "@shop/platform/nest";
import { Body, Controller, Get, Inject, Param, Post, Query } from "@nestjs/common";
import type { Identity } from "@shop/platform";
import { ZodPipe } from "@shop/platform/nest";
import { ReviewsService } from "./reviews.service.js";
import { ReviewCreate } from "@shop/contracts";
import { LatestReviewsQuery, ReviewPageQuery, ReviewParams } from "./reviews.schemas.js";

@Controller("api/v1")
export class ReviewsController {
  constructor(@Inject(ReviewsService) private readonly reviews: ReviewsService) {}

  @Get("products/:id/reviews")
  list(
    @Param(new ZodPipe(ReviewParams, "params")) params: ReviewParams,
    @Query(new ZodPipe(ReviewPageQuery, "query")) query: ReviewPageQuery,
  ) {
    return this.reviews.listForProduct(params.id, query);
  }

  @Post("products/:id/reviews")
  @Access({ roles: ["customer", "admin"] })
  create(
    @Param(new ZodPipe(ReviewParams, "params")) params: ReviewParams,
    @Body(new ZodPipe(ReviewCreate)) body: ReviewCreate,
    @CurrentIdentity() identity: Identity,
  ) {
    return this.reviews.create(params.id, identity, body);
  }

  @Get("reviews")
  latest(@Query(new ZodPipe(LatestReviewsQuery, "query")) query: LatestReviewsQuery) {
    return this.reviews.latest(query);
  }
}
