/** Shapes shared by every boundary: pagination, money, problem details, ids. */
import { z } from "zod";

/** An integer amount of KRW (no minor unit): 29000 means ₩29,000. */
export const Won = z.number().int().nonnegative();

/** Page/limit query with the platform's bounds (limit ≤ 100). */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** `{ items, page, limit, total, totalPages }` for a list of `item`. */
export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  });
}
export interface Paginated<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

/** Builds a page answer from items and a total. */
export function toPage<T>(
  items: T[],
  total: number,
  query: { page: number; limit: number },
): Paginated<T> {
  return {
    items,
    page: query.page,
    limit: query.limit,
    total,
    totalPages: Math.ceil(total / query.limit),
  };
}

/** RFC 9457 problem details as every part answers them. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .loose();

export const Uuid = z.string().uuid();
export const IsoDate = z.string().datetime({ offset: true });

/** A `#rrggbb` colour (option swatches, home page gradients). */
export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour");

/** URL slugs: lowercase letters (Hangul allowed), digits and single hyphens. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** A slug given to a product or category (at most 120 characters). */
export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(SLUG_PATTERN, "use lowercase letters, digits and single hyphens");
