/**
 * The product routes' own query and path schemas. Product shapes (summary, detail, create and
 * update bodies) are contracts with the BFF and the storefront: they live in @shop/contracts.
 */
import { ProductSort, ProductStatus } from "@shop/contracts";
import { z } from "zod";
import { queryFlag } from "../common/schemas.js";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const ProductListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "1–100, default 20 (or the number of `ids`)" }),
    category: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Category id or slug" }),
    minPrice: z.coerce.number().int().min(0).optional(),
    maxPrice: z.coerce.number().int().min(0).optional(),
    q: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(100).optional()).meta({
      description: "Search in name, brand and description (every word must match)",
    }),
    onSale: queryFlag.optional(),
    isNew: queryFlag.optional(),
    featured: queryFlag.optional(),
    sort: ProductSort.optional().meta({
      description: "Default: relevance with `q`, the order of `ids` with `ids`, otherwise newest",
    }),
    ids: z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().uuid("each id must be a uuid")).min(1).max(100))
      .optional()
      .meta({ description: "Comma-separated product ids (at most 100) for batch reads" }),
    status: z
      .enum([...ProductStatus.options, "all"])
      .optional()
      .meta({ description: "Admins only (default active)" }),
  })
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    path: ["maxPrice"],
    message: "must be greater than or equal to minPrice",
  });
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const ProductParams = z.object({ idOrSlug: z.string().min(1).max(200) });
export type ProductParams = z.infer<typeof ProductParams>;
export const ProductIdParam = z.object({ id: z.string().uuid() });
export type ProductIdParam = z.infer<typeof ProductIdParam>;
