/** `/api/categories` query parameters (the answer, `CategoryPage`, is in @shop/contracts). */
import { z } from "zod";
import { ProductSort } from "@shop/contracts";

const MAX_PRICE = 100_000_000;

const Price = z.coerce
  .number({ error: "must be a whole number of won" })
  .int("must be a whole number of won")
  .min(0, "must be 0 or more")
  .max(MAX_PRICE, `must be at most ${MAX_PRICE}`);
const Switch = z.stringbool({ error: "must be true or false" });

export const CategoryQuery = z
  .object({
    category: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\p{L}\p{N}_-]+$/u, "must be a category id or slug")
      .optional(),
    page: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(10_000)
      .default(1),
    limit: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(100, "must be at most 100")
      .default(20),
    sort: z
      .enum(ProductSort.options, { error: `must be one of ${ProductSort.options.join(", ")}` })
      .default("newest"),
    minPrice: Price.optional(),
    maxPrice: Price.optional(),
    q: z.string().trim().max(100, "must be at most 100 characters").optional(),
    onSale: Switch.optional(),
    isNew: Switch.optional(),
    featured: Switch.optional(),
  })
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    path: ["maxPrice"],
    message: "must not be below minPrice",
  });
export type CategoryQuery = z.infer<typeof CategoryQuery>;
