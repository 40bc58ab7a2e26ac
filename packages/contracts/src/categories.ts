/**
 * Categories as the product service answers them (`GET /api/v1/categories`), read by the BFF
 * (home page, category page) and the storefront (admin product form).
 */
import { z } from "zod";
import { paginated } from "./common.ts";

export const Category = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    slug: z.string(),
    /** Icon code from the catalogue (`shirt`, `shoe`, …). */
    iconCode: z.string(),
    sortOrder: z.number().int(),
    isActive: z.boolean(),
    productCount: z.number().int().meta({ description: "Active products in the category" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Category" });
export type Category = z.infer<typeof Category>;

export const CategoryList = paginated(Category).meta({ id: "CategoryList" });
export type CategoryList = z.infer<typeof CategoryList>;

/** The category embedded in a product's detail. */
export const CategoryRef = z.object({
  id: z.string().uuid(),
  name: z.string(),
  slug: z.string(),
  iconCode: z.string(),
});
export type CategoryRef = z.infer<typeof CategoryRef>;
