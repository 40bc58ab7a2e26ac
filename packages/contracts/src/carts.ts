/**
 * The cart service's answers and request bodies: the storefront's cart calls (`/api/cart/*`
 * through the gateway) and the order service's internal read (`GET /internal/carts/:ownerId`).
 */
import { z } from "zod";

/** Product and option ids are the product service's uuids. */
const Id = z.uuid({
  error: (issue) => (issue.input === undefined ? "is required" : "must be a product id (uuid)"),
});

export const CartQuantity = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1");

/** `POST /api/cart/items`. */
export const AddCartItem = z.object({
  productId: Id,
  optionId: z
    .uuid({ error: "must be an option id (uuid)" })
    .nullable()
    .optional()
    .describe("The product option (colour, size); omit or null for the product itself"),
  quantity: CartQuantity,
});
export type AddCartItem = z.infer<typeof AddCartItem>;

/** `PATCH /api/cart/items/:lineId`. */
export const SetCartQuantity = z.object({ quantity: CartQuantity });
export type SetCartQuantity = z.infer<typeof SetCartQuantity>;

/** `POST /api/cart/merge`: the guest's access token, right after login or registration. */
export const MergeCartRequest = z.object({
  guestToken: z.string().min(1, "is required").max(8192),
});
export type MergeCartRequest = z.infer<typeof MergeCartRequest>;

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

/** A cart, re-priced on every read: the answer of every `/api/cart` call but the merge. */
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

export const CartMergeResult = z.object({
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
export type CartMergeResult = z.infer<typeof CartMergeResult>;
