/**
 * Product page: the product (whose failure is the page's failure) plus reviews, rating
 * distribution and related products (whose failures only leave their part empty).
 */
import type { Logger } from "@shop/platform";
import type { ProductApi } from "../clients/product.client.js";
import type { ProductDetail, ProductPageData, RatingSummary, Review } from "@shop/contracts";

const LATEST_REVIEWS = 5;
const RELATED = 8;

interface ReviewsPart {
  latest: Review[];
  distribution: RatingSummary["distribution"];
}

export async function buildProductPage(
  product: ProductApi,
  idOrSlug: string,
  logger: Logger,
): Promise<ProductPageData> {
  // Reviews take an id or a slug, so they start with the product; related needs its category.
  const reviewsCall = settle(loadReviews(product, idOrSlug));
  const detail = await product.product(idOrSlug);
  const [reviews, related] = await Promise.all([reviewsCall, settle(loadRelated(product, detail))]);

  const degraded: string[] = [];
  if (!reviews.ok) {
    degraded.push("reviews");
    logger.warn({ err: reviews.error, productId: detail.id }, "product page reviews left out");
  }
  if (!related.ok) {
    degraded.push("related");
    logger.warn(
      { err: related.error, productId: detail.id },
      "product page related products left out",
    );
  }
  const distribution = reviews.ok ? reviews.value.distribution : emptyDistribution();
  return {
    product: detail,
    options: detail.options,
    images: detail.images,
    rating: { average: detail.ratingAverage, count: detail.reviewCount, distribution },
    reviews: reviews.ok ? reviews.value.latest : [],
    related: related.ok ? related.value : [],
    degraded,
  };
}

async function loadRelated(product: ProductApi, detail: ProductDetail) {
  const page = await product.products({
    category: detail.categoryId,
    sort: "popular",
    limit: RELATED + 1,
  });
  return page.items.filter((p) => p.id !== detail.id).slice(0, RELATED);
}

async function loadReviews(product: ProductApi, idOrSlug: string): Promise<ReviewsPart> {
  const first = await product.productReviews(idOrSlug, { limit: LATEST_REVIEWS });
  return { latest: first.items, distribution: first.summary.distribution };
}

function emptyDistribution(): RatingSummary["distribution"] {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
