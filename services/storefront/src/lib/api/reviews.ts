/** Reviews: mapping and the customer's review form (`POST /api/v1/products/:id/reviews`). */
import { request, type Transport } from "./http";
import { num, obj, optStr, productKey, str } from "./wire";

export interface Review {
  id: string;
  rating: number;
  text: string;
  authorName: string;
  createdAt: string;
  /** The reviewed product, when the answer names it (home page's latest reviews). */
  product: { name: string; slug: string } | null;
}

export function toReview(value: unknown): Review {
  const w = obj(value, "review");
  const product =
    w.product && typeof w.product === "object" ? (w.product as Record<string, unknown>) : null;
  return {
    id: str(w.id, "review.id"),
    rating: Math.min(5, Math.max(1, Math.round(num(w.rating, 5)))),
    text: optStr(w.text ?? w.body) ?? "",
    authorName: optStr(w.authorName) ?? "고객",
    createdAt: optStr(w.createdAt) ?? "",
    product:
      product && typeof product.name === "string"
        ? { name: product.name, slug: productKey(String(product.id ?? ""), product.slug) }
        : null,
  };
}

export interface ReviewInput {
  rating: number;
  text: string;
}

/** Posts a review as the signed-in customer. */
export function createReview(t: Transport, productId: string, input: ReviewInput): Promise<Review> {
  return request(
    t,
    `/api/v1/products/${encodeURIComponent(productId)}/reviews`,
    { method: "POST", json: input },
    toReview,
  );
}
