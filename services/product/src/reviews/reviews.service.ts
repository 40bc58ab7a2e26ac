/** Reviews: one per member and product; the product's rating aggregates change in the same transaction. */
import { Inject, Injectable } from "@nestjs/common";
import { AppError, type Identity } from "@shop/platform";
import { DataSource } from "typeorm";
import { isUniqueViolation } from "../common/db.js";
import { isUuid } from "../common/slug.js";
import { Product } from "../products/product.entity.js";
import { ProductsService } from "../products/products.service.js";
import { Review } from "./review.entity.js";
import type {
  LatestReview,
  RatingSummary,
  ReviewCreate,
  Review as ReviewView,
} from "@shop/contracts";
import type { LatestReviewsQuery, ReviewPageQuery } from "./reviews.schemas.js";

@Injectable()
export class ReviewsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ProductsService) private readonly products: ProductsService,
  ) {}

  async listForProduct(idOrSlug: string, query: ReviewPageQuery) {
    const product = await this.liveProduct(idOrSlug);
    const [reviews, total] = await this.db.getRepository(Review).findAndCount({
      where: { productId: product.id },
      order: { createdAt: "DESC", id: "ASC" },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return {
      items: reviews.map(reviewView),
      page: query.page,
      limit: query.limit,
      total,
      totalPages: Math.ceil(total / query.limit),
      summary: await this.summary(product),
    };
  }

  async latest(query: LatestReviewsQuery) {
    const params: unknown[] = [query.minRating ?? 1, query.limit, (query.page - 1) * query.limit];
    const from = `FROM reviews r JOIN products p ON p.id = r.product_id
      WHERE p.deleted_at IS NULL AND p.status = 'active' AND r.rating >= $1`;
    const [rows, counted] = await Promise.all([
      this.db.query<Array<Record<string, unknown>>>(
        `SELECT r.id, r.product_id, r.member_id, r.author_name, r.rating, r.text, r.created_at, p.name, p.slug,
           (SELECT url FROM product_images i WHERE i.product_id = p.id ORDER BY i.is_main DESC, i.sort_order, i.created_at LIMIT 1) AS image_url
         ${from} ORDER BY r.created_at DESC, r.id LIMIT $2 OFFSET $3`,
        params,
      ),
      this.db.query<Array<{ total: number }>>(`SELECT count(*)::int AS total ${from}`, [params[0]]),
    ]);
    const total = counted[0]?.total ?? 0;
    const items: LatestReview[] = rows.map((row) => ({
      id: String(row.id),
      productId: String(row.product_id),
      memberId: String(row.member_id),
      authorName: String(row.author_name),
      rating: Number(row.rating),
      text: String(row.text),
      createdAt: new Date(row.created_at as string).toISOString(),
      product: {
        id: String(row.product_id),
        name: String(row.name),
        slug: String(row.slug),
        mainImageUrl: row.image_url ? String(row.image_url) : null,
      },
    }));
    return {
      items,
      page: query.page,
      limit: query.limit,
      total,
      totalPages: Math.ceil(total / query.limit),
    };
  }

  async create(idOrSlug: string, identity: Identity, body: ReviewCreate): Promise<ReviewView> {
    const product = await this.liveProduct(idOrSlug);
    const review = await this.db
      .transaction(async (manager) => {
        const saved = await manager.getRepository(Review).save(
          manager.getRepository(Review).create({
            productId: product.id,
            memberId: identity.sub,
            authorName: (identity.name ?? "").trim().slice(0, 60) || "고객",
            rating: body.rating,
            text: body.text,
          }),
        );
        // Incremental and atomic under the row lock, so concurrent reviews never lose a count.
        await manager.query(
          `UPDATE products SET rating_total = rating_total + $2, review_count = review_count + 1,
             rating_average = round((rating_total + $2)::numeric / (review_count + 1), 2)
           WHERE id = $1`,
          [product.id, body.rating],
        );
        return saved;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, "UQ_reviews_member_product")) {
          throw new AppError("REVIEW_ALREADY_EXISTS", "You have already reviewed this product");
        }
        throw error;
      });
    await this.products.announce(product.id);
    return reviewView(review);
  }

  private async summary(product: Product): Promise<RatingSummary> {
    const rows = await this.db.query<Array<{ rating: number; count: number }>>(
      "SELECT rating, count(*)::int AS count FROM reviews WHERE product_id = $1 GROUP BY rating",
      [product.id],
    );
    const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const row of rows) distribution[row.rating as 1 | 2 | 3 | 4 | 5] = row.count;
    return { average: product.ratingAverage, count: product.reviewCount, distribution };
  }

  private async liveProduct(idOrSlug: string): Promise<Product> {
    const where = isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug.toLowerCase() };
    const product = await this.db
      .getRepository(Product)
      .findOne({ where: { ...where, status: "active" } });
    if (!product) throw new AppError("PRODUCT_NOT_FOUND", `No product '${idOrSlug}'`);
    return product;
  }
}

export function reviewView(review: Review): ReviewView {
  return {
    id: review.id,
    productId: review.productId,
    memberId: review.memberId,
    authorName: review.authorName,
    rating: review.rating,
    text: review.text,
    createdAt: review.createdAt.toISOString(),
  };
}
