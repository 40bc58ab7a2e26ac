/**
 * Products as the product service answers and accepts them (`/api/v1/products`,
 * `/api/v1/images`): read by the BFF (home, category and product pages) and the storefront
 * (admin table and edit form), written by the BFF (add-product form) and the storefront (edit).
 */
import { z } from "zod";
import { HexColour, paginated, Slug, Won } from "./common.ts";
import { CategoryRef } from "./categories.ts";

export const ProductStatus = z.enum(["active", "draft", "archived"]);
export type ProductStatus = z.infer<typeof ProductStatus>;

export const OptionType = z.enum(["colour", "size"]);
export type OptionType = z.infer<typeof OptionType>;

export const ProductSort = z.enum(["newest", "price_asc", "price_desc", "rating", "popular"]);
export type ProductSort = z.infer<typeof ProductSort>;

/** Prices a product may be given (KRW). */
const Price = Won.max(1_000_000_000);

export const ColourSwatch = z.object({
  value: z.string(),
  label: z.string(),
  hex: z.string().nullable(),
});
export type ColourSwatch = z.infer<typeof ColourSwatch>;

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
    status: ProductStatus,
    stock: z.number().int(),
    mainImageUrl: z.string().nullable(),
    colours: z.array(ColourSwatch),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ProductSummary" });
export type ProductSummary = z.infer<typeof ProductSummary>;

export const ProductOption = z
  .object({
    id: z.string().uuid(),
    type: OptionType,
    value: z.string(),
    label: z.string(),
    hex: z.string().nullable(),
    extraPrice: Won,
    stock: z.number().int(),
  })
  .meta({ id: "ProductOption" });
export type ProductOption = z.infer<typeof ProductOption>;

export const ProductImage = z
  .object({
    id: z.string().uuid(),
    url: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    sortOrder: z.number().int(),
    isMain: z.boolean(),
  })
  .meta({ id: "ProductImage" });
export type ProductImage = z.infer<typeof ProductImage>;

export const ProductDetail = ProductSummary.extend({
  description: z.string(),
  category: CategoryRef,
  options: z.array(ProductOption),
  images: z.array(ProductImage),
}).meta({ id: "ProductDetail" });
export type ProductDetail = z.infer<typeof ProductDetail>;

export const ProductPage = paginated(ProductSummary).meta({ id: "ProductPage" });
export type ProductPage = z.infer<typeof ProductPage>;

/** One file of `POST /api/v1/images` (uploaded before the product that uses it). */
export const UploadedImage = z
  .object({
    id: z.string().uuid(),
    url: z.string().meta({ description: "Relative URL `/images/<key>`, immutable" }),
    width: z.number().int(),
    height: z.number().int(),
    bytes: z.number().int(),
    contentType: z.string(),
    productId: z.string().uuid().nullable(),
    sortOrder: z.number().int(),
    isMain: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "UploadedImage" });
export type UploadedImage = z.infer<typeof UploadedImage>;

export const UploadedImages = z
  .object({ items: z.array(UploadedImage) })
  .meta({ id: "UploadedImages" });
export type UploadedImages = z.infer<typeof UploadedImages>;

export const OptionInput = z
  .object({
    id: z
      .string()
      .uuid()
      .optional()
      .meta({ description: "Update: keep and change this existing option" }),
    type: OptionType,
    value: z.string().trim().min(1).max(40),
    label: z.string().trim().min(1).max(60).optional().meta({ description: "Default: value" }),
    hex: HexColour.optional(),
    extraPrice: Price.default(0),
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
  price: Price,
  originalPrice: Price.optional().meta({ description: "Price before discount; default: price" }),
  stock: z.number().int().min(0).max(10_000_000).optional().meta({
    description: "Total sellable units; default: the sum of the first option type's stock, else 0",
  }),
  isNew: z.boolean().default(false),
  isFeatured: z.boolean().default(false),
  status: ProductStatus.default("active"),
  options: z.array(OptionInput).max(50).default([]),
  imageIds: z.array(z.string().uuid()).max(20).default([]).meta({
    description:
      "Uploaded images (POST /api/v1/images), in display order; the first is the main image",
  }),
};

type Issues = z.RefinementCtx;

function optionsUnique(options: OptionInput[] | undefined, ctx: Issues) {
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
  ctx: Issues,
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
  ctx: Issues,
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

/** `POST /api/v1/products` (admin). */
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

/** `PUT`/`PATCH /api/v1/products/:id` (admin): any subset of the fields. */
export const ProductUpdate = z
  .object({
    ...productFields,
    description: z.string().max(10_000),
    isNew: z.boolean(),
    isFeatured: z.boolean(),
    status: ProductStatus,
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
