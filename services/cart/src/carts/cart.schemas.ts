/** Cart request and answer shapes (validation and OpenAPI). */
import { z } from "zod";

/** Product and option ids are the product service's uuids. */
const Id = z.uuid({
  error: (issue) => (issue.input === undefined ? "is required" : "must be a product id (uuid)"),
});

export const Quantity = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1");

export const AddItemBody = z.object({
  productId: Id,
  optionId: z
    .uuid({ error: "must be an option id (uuid)" })
    .nullable()
    .optional()
    .describe("The product option (colour, size); omit or null for the product itself"),
  quantity: Quantity,
});
export type AddItemBody = z.infer<typeof AddItemBody>;

export const UpdateItemBody = z.object({ quantity: Quantity });

export const LineParams = z.object({
  lineId: z.string().regex(/^[A-Za-z0-9_-]{16}$/, "is not a cart line id"),
});

export const OwnerParams = z.object({
  ownerId: z.string().regex(/^[A-Za-z0-9_:.-]{1,128}$/, "is not a valid owner id"),
});

export const MergeBody = z.object({
  guestToken: z.string().min(1, "is required").max(8192),
});

export const CartLine = z.object({
  /** Stable per product+option: the same in every cart. */
  lineId: z.string(),
  productId: z.string(),
  optionId: z.string().nullable(),
  name: z.string().nullable(),
  slug: z.string().nullable(),
  brand: z.string().nullable(),
  imageUrl: z.string().nullable(),
  optionLabel: z.string().nullable(),
  quantity: z.number().int(),
  /** Current unit price (KRW); the price when added if the product is gone. */
  unitPrice: z.number().int(),
  originalPrice: z.number().int().nullable(),
  priceWhenAdded: z.number().int(),
  priceChanged: z.boolean(),
  /** Units available now. */
  available: z.number().int(),
  /** Not purchasable: gone from the catalogue, not on sale, or no stock. */
  outOfStock: z.boolean(),
  /** In stock, but fewer units than the line's quantity. */
  exceedsStock: z.boolean(),
  lineTotal: z.number().int(),
  addedAt: z.string(),
});
export type CartLine = z.infer<typeof CartLine>;

export const Cart = z.object({
  ownerId: z.string(),
  lines: z.array(CartLine),
  itemCount: z.number().int(),
  /** Sum of the line totals of purchasable lines (KRW). */
  subtotal: z.number().int(),
  currency: z.literal("KRW"),
  updatedAt: z.string().nullable(),
});
export type Cart = z.infer<typeof Cart>;

export const MergeResult = z.object({
  cart: Cart,
  /** False when there was nothing to merge (already merged, or the guest cart is empty/expired). */
  merged: z.boolean(),
  /** Line ids merged into the member cart, those whose quantity was cut to the stock, those left out. */
  lines: z.object({
    merged: z.array(z.string()),
    capped: z.array(z.string()),
    dropped: z.array(z.string()),
  }),
});
export type MergeResult = z.infer<typeof MergeResult>;
