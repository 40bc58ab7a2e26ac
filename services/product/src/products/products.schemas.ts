/** Product request and response schemas (validation + OpenAPI). */
import { z } from "zod";
import { HexColour, queryFlag, Slug } from "../common/schemas.js";
import { OPTION_TYPES } from "./product-option.entity.js";
import { PRODUCT_STATUSES } from "./product.entity.js";

export const PRODUCT_SORTS = ["newest", "price_asc", "price_desc", "rating", "popular"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const Won = z.number().int().min(0).max(1_000_000_000);
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
    sort: z.enum(PRODUCT_SORTS).optional().meta({
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
      .enum([...PRODUCT_STATUSES, "all"])
      .optional()
      .meta({ description: "Admins only (default active)" }),
  })
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    path: ["maxPrice"],
    message: "must be greater than or equal to minPrice",
  });
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const ColourSwatch = z.object({
  value: z.string(),
  label: z.string(),
  hex: z.string().nullable(),
});

export const ProductSummary = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    slug: z.string(),
    brand: z.string(),
    categoryId: z.string().uuid(),
    price: Won,
    originalPrice: Won,
    discountRate: z.number().int().meta({ description: "Percent off originalPrice, rounded down" }),
    ratingAverage: z.number(),
    reviewCount: z.number().int(),
    salesCount: z.number().int(),
    isNew: z.boolean(),
    isFeatured: z.boolean(),
    status: z.enum(PRODUCT_STATUSES),
    stock: z.number().int(),
    mainImageUrl: z.string().nullable(),
    colours: z.array(ColourSwatch),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ProductSummary" });
export type ProductSummary = z.infer<typeof ProductSummary>;

export const OptionView = z
  .object({
    id: z.string().uuid(),
    type: z.enum(OPTION_TYPES),
    value: z.string(),
    label: z.string(),
    hex: z.string().nullable(),
    extraPrice: Won,
    stock: z.number().int(),
  })
  .meta({ id: "ProductOption" });
export type OptionView = z.infer<typeof OptionView>;

export const ImageView = z
  .object({
    id: z.string().uuid(),
    url: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    sortOrder: z.number().int(),
    isMain: z.boolean(),
  })
  .meta({ id: "ProductImage" });
export type ImageView = z.infer<typeof ImageView>;

export const ProductDetail = ProductSummary.extend({
  description: z.string(),
  category: z.object({
    id: z.string().uuid(),
    name: z.string(),
    slug: z.string(),
    iconCode: z.string(),
  }),
  options: z.array(OptionView),
  images: z.array(ImageView),
}).meta({ id: "ProductDetail" });
export type ProductDetail = z.infer<typeof ProductDetail>;

export const ProductPage = z
  .object({
    items: z.array(ProductSummary),
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  })
  .meta({ id: "ProductPage" });

export const OptionInput = z
  .object({
    id: z
      .string()
      .uuid()
      .optional()
      .meta({ description: "Update: keep and change this existing option" }),
    type: z.enum(OPTION_TYPES),
    value: z.string().trim().min(1).max(40),
    label: z.string().trim().min(1).max(60).optional().meta({ description: "Default: value" }),
    hex: HexColour.optional(),
    extraPrice: Won.default(0),
    stock: z.number().int().min(0).max(1_000_000),
  })
  .strict();
export type OptionInput = z.infer<typeof OptionInput>;

const productFields = {
  name: z.string().trim().min(1).max(120),
  slug: Slug.optional(),
  description: z.string().max(10_000).default(""),
  brand: z.string().trim().min(1).max(60),
  categoryId: z.string().trim().min(1).max(200).meta({ description: "Category id (or slug)" }),
  price: Won,
  originalPrice: Won.optional().meta({ description: "Price before discount; default: price" }),
  stock: z.number().int().min(0).max(10_000_000).optional().meta({
    description: "Total sellable units; default: the sum of the first option type's stock, else 0",
  }),
  isNew: z.boolean().default(false),
  isFeatured: z.boolean().default(false),
  status: z.enum(PRODUCT_STATUSES).default("active"),
  options: z.array(OptionInput).max(50).default([]),
  imageIds: z.array(z.string().uuid()).max(20).default([]).meta({
    description:
      "Uploaded images (POST /api/v1/images), in display order; the first is the main image",
  }),
};

function optionsUnique(options: OptionInput[] | undefined, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  options?.forEach((option, index) => {
    const key = `${option.type}:${option.value.toLowerCase()}`;
    if (seen.has(key))
      ctx.addIssue({
        code: "custom",
        path: ["options", index, "value"],
        message: "duplicate option",
      });
    seen.add(key);
  });
}

function idsUnique(
  body: { imageIds?: string[] | undefined; options?: OptionInput[] | undefined },
  ctx: z.RefinementCtx,
) {
  body.imageIds?.forEach((id, index) => {
    if (body.imageIds!.indexOf(id) !== index)
      ctx.addIssue({ code: "custom", path: ["imageIds", index], message: "listed twice" });
  });
  const optionIds = body.options?.map((o) => o.id) ?? [];
  optionIds.forEach((id, index) => {
    if (id && optionIds.indexOf(id) !== index)
      ctx.addIssue({ code: "custom", path: ["options", index, "id"], message: "listed twice" });
  });
}

function priceOrder(
  body: { price?: number | undefined; originalPrice?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (
    body.price !== undefined &&
    body.originalPrice !== undefined &&
    body.originalPrice < body.price
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["originalPrice"],
      message: "must be greater than or equal to price",
    });
  }
}

export const ProductCreate = z
  .object(productFields)
  .strict()
  .superRefine((body, ctx) => {
    optionsUnique(body.options, ctx);
    idsUnique(body, ctx);
    priceOrder(body, ctx);
  })
  .meta({ id: "ProductCreate" });
export type ProductCreate = z.infer<typeof ProductCreate>;

export const ProductUpdate = z
  .object({
    ...productFields,
    description: z.string().max(10_000),
    isNew: z.boolean(),
    isFeatured: z.boolean(),
    status: z.enum(PRODUCT_STATUSES),
    stock: z.number().int().min(0).max(10_000_000),
    options: z
      .array(OptionInput)
      .max(50)
      .meta({ description: "Replaces the option set (send ids to keep options)" }),
    imageIds: z.array(z.string().uuid()).max(20).meta({
      description: "Replaces the image list and its order; images left out are deleted",
    }),
  })
  .partial()
  .strict()
  .superRefine((body, ctx) => {
    if (Object.keys(body).length === 0)
      ctx.addIssue({ code: "custom", message: "send at least one field to change" });
    optionsUnique(body.options, ctx);
    idsUnique(body, ctx);
    priceOrder(body, ctx);
  })
  .meta({ id: "ProductUpdate" });
export type ProductUpdate = z.infer<typeof ProductUpdate>;

export const ProductParams = z.object({ idOrSlug: z.string().min(1).max(200) });
export type ProductParams = z.infer<typeof ProductParams>;
export const ProductIdParam = z.object({ id: z.string().uuid() });
export type ProductIdParam = z.infer<typeof ProductIdParam>;
