/** Reviews: mapping and the customer's review form (`POST /api/v1/products/:id/reviews`). */
import { Review as ReviewWire, type LatestReview, type ReviewCreate } from "@shop/contracts";
import type { z } from "zod";
import { request, type Transport } from "./http";
import { parseWith, productKey } from "./wire";

export interface Review {
  id: string;
  rating: number;
  text: string;
  authorName: string;
  createdAt: string;
  /** The reviewed product, when the answer names it (home page's latest reviews). */
  product: { name: string; slug: string } | null;
}

export function reviewView(wire: ReviewWire | LatestReview): Review {
  const product = "product" in wire ? wire.product : null;
  return {
    id: wire.id,
    rating: wire.rating,
    text: wire.text,
    authorName: wire.authorName,
    createdAt: wire.createdAt,
    product: product ? { name: product.name, slug: productKey(product.id, product.slug) } : null,
  };
}

export type ReviewInput = z.input<typeof ReviewCreate>;

/** Posts a review as the signed-in customer. */
export function createReview(t: Transport, productId: string, input: ReviewInput): Promise<Review> {
  return request(
    t,
    `/api/v1/products/${encodeURIComponent(productId)}/reviews`,
    { method: "POST", json: input },
    parseWith(ReviewWire, reviewView, "review"),
  );
}
