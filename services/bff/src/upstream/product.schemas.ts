/**
 * The product service's answers as the BFF reads them. Objects are loose: fields the product
 * service adds later pass through to the UI instead of breaking the BFF.
 */
import { z } from "zod";

export const Category = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    iconCode: z.string().nullable(),
    sortOrder: z.number().int(),
  })
  .loose();
export type Category = z.infer<typeof Category>;

export const CategoryList = z.object({ items: z.array(Category) }).loose();

export const Colour = z
  .object({ value: z.string(), label: z.string(), hex: z.string().nullable() })
  .loose();

export const ProductSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    brand: z.string(),
    categoryId: z.string(),
    price: z.number().int(),
    originalPrice: z.number().int().nullable(),
    discountRate: z.number(),
    ratingAverage: z.number(),
    reviewCount: z.number().int(),
    isNew: z.boolean(),
    isFeatured: z.boolean(),
    mainImageUrl: z.string().nullable(),
    colours: z.array(Colour),
    stock: z.number().int(),
  })
  .loose();
export type ProductSummary = z.infer<typeof ProductSummary>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z
    .object({
      items: z.array(item),
      page: z.number().int(),
      limit: z.number().int(),
      total: z.number().int(),
      totalPages: z.number().int(),
    })
    .loose();
}

export const ProductPage = pageOf(ProductSummary);
export type ProductPage = z.infer<typeof ProductPage>;

export const ProductOption = z
  .object({ id: z.string(), type: z.string(), value: z.string() })
  .loose();

export const ProductImage = z
  .object({
    id: z.string(),
    url: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
  })
  .loose();

export const ProductDetail = ProductSummary.extend({
  description: z.string().nullable(),
  options: z.array(ProductOption),
  images: z.array(ProductImage),
  category: z.object({ id: z.string(), name: z.string(), slug: z.string() }).loose().nullable(),
}).loose();
export type ProductDetail = z.infer<typeof ProductDetail>;

export const Review = z
  .object({ id: z.string(), rating: z.number().int().min(1).max(5), createdAt: z.string() })
  .loose();
export type Review = z.infer<typeof Review>;

const Stars = z.number().int().nonnegative();

/** A product's reviews page carries the product's rating summary. */
export const ReviewPage = pageOf(Review).extend({
  summary: z.object({
    average: z.number(),
    count: z.number().int(),
    distribution: z.object({ 1: Stars, 2: Stars, 3: Stars, 4: Stars, 5: Stars }),
  }),
});
export type ReviewPage = z.infer<typeof ReviewPage>;

/** `GET /api/v1/reviews` (latest reviews across the shop, each with its product). */
export const LatestReviews = z.object({ items: z.array(Review) }).loose();

export const UploadedImage = z
  .object({ id: z.string(), url: z.string(), width: z.number().int(), height: z.number().int() })
  .loose();
export const UploadedImages = z.union([
  z.object({ items: z.array(UploadedImage) }).transform((body) => body.items),
  z.array(UploadedImage),
]);
