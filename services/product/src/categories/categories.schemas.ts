/** Category request and response schemas (validation + OpenAPI). */
import { z } from "zod";
import { queryFlag, Slug } from "../common/schemas.js";

export const CategoryView = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    slug: z.string(),
    iconCode: z.string(),
    sortOrder: z.number().int(),
    isActive: z.boolean(),
    productCount: z.number().int().meta({ description: "Active products in the category" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Category" });
export type CategoryView = z.infer<typeof CategoryView>;

export const CategoryList = z
  .object({
    items: z.array(CategoryView),
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  })
  .meta({ id: "CategoryList" });

export const CategoryListQuery = z.object({
  includeInactive: queryFlag
    .optional()
    .meta({ description: "Admins only: include inactive categories" }),
});
export type CategoryListQuery = z.infer<typeof CategoryListQuery>;

const IconCode = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and hyphens (e.g. 'shirt')");

export const CategoryCreate = z
  .object({
    name: z.string().trim().min(1).max(50),
    slug: Slug.max(60).optional(),
    iconCode: IconCode,
    sortOrder: z.number().int().min(0).max(10_000).default(0),
    isActive: z.boolean().default(true),
  })
  .strict()
  .meta({ id: "CategoryCreate" });
export type CategoryCreate = z.infer<typeof CategoryCreate>;

export const CategoryUpdate = z
  .object({
    name: z.string().trim().min(1).max(50),
    slug: Slug.max(60),
    iconCode: IconCode,
    sortOrder: z.number().int().min(0).max(10_000),
    isActive: z.boolean(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, "send at least one field to change")
  .meta({ id: "CategoryUpdate" });
export type CategoryUpdate = z.infer<typeof CategoryUpdate>;
