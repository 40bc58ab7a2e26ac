/**
 * Category request schemas (validation + OpenAPI). The answer, `Category`, is a contract with the
 * BFF and the storefront: it lives in @shop/contracts.
 */
import { Slug } from "@shop/contracts";
import { z } from "zod";
import { queryFlag } from "../common/schemas.js";

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
