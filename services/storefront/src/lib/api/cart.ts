/** The cart (cart service through the gateway): guests and members alike, re-priced on read. */
import {
  Cart as CartWire,
  CartMergeResult,
  type AddCartItem,
  type CartLine as CartLineWire,
} from "@shop/contracts";
import type { z } from "zod";
import { request, type Transport } from "./http";
import { parseWith, productKey } from "./wire";

export interface CartLine {
  lineId: string;
  productId: string;
  optionId: string | null;
  name: string;
  slug: string | null;
  imageUrl: string | null;
  optionLabel: string | null;
  quantity: number;
  unitPrice: number;
  priceWhenAdded: number;
  priceChanged: boolean;
  /** Units the shop can sell now. */
  available: number;
  /** Gone from the catalogue, not on sale, or no stock. */
  outOfStock: boolean;
  exceedsStock: boolean;
  lineTotal: number;
}

export interface Cart {
  lines: CartLine[];
  itemCount: number;
  subtotal: number;
  currency: string;
}

export const EMPTY_CART: Cart = { lines: [], itemCount: 0, subtotal: 0, currency: "KRW" };

function lineView(wire: CartLineWire): CartLine {
  return {
    lineId: wire.lineId,
    productId: wire.productId,
    optionId: wire.optionId,
    name: wire.name ?? "상품",
    slug: productKey(wire.productId, wire.slug),
    imageUrl: wire.imageUrl,
    optionLabel: wire.optionLabel,
    quantity: wire.quantity,
    unitPrice: wire.unitPrice,
    priceWhenAdded: wire.priceWhenAdded,
    priceChanged: wire.priceChanged,
    available: wire.available,
    outOfStock: wire.outOfStock,
    exceedsStock: wire.exceedsStock,
    lineTotal: wire.lineTotal,
  };
}

function cartView(wire: CartWire): Cart {
  return {
    lines: wire.lines.map(lineView),
    itemCount: wire.itemCount,
    subtotal: wire.subtotal,
    currency: wire.currency,
  };
}

export const toCart = parseWith(CartWire, cartView, "cart");
/** The merge answers the member's cart inside a report of what was merged. */
export const toMergedCart = parseWith(CartMergeResult, (result) => cartView(result.cart), "merge");

/** Lines that block checkout (gone, sold out or over stock). */
export function blockingLines(cart: Cart): CartLine[] {
  return cart.lines.filter((l) => l.outOfStock || l.exceedsStock);
}

export function getCart(t: Transport): Promise<Cart> {
  return request(t, "/api/cart", {}, toCart);
}

export type AddItem = z.input<typeof AddCartItem>;

/** Every change answers the cart as it now stands. */
export function addItem(t: Transport, item: AddItem): Promise<Cart> {
  const json = {
    productId: item.productId,
    quantity: item.quantity,
    ...(item.optionId ? { optionId: item.optionId } : {}),
  };
  return request(t, "/api/cart/items", { method: "POST", json }, toCart);
}

export function setQuantity(t: Transport, lineId: string, quantity: number): Promise<Cart> {
  return request(
    t,
    `/api/cart/items/${encodeURIComponent(lineId)}`,
    { method: "PATCH", json: { quantity } },
    toCart,
  );
}

export function removeLine(t: Transport, lineId: string): Promise<Cart> {
  return request(t, `/api/cart/items/${encodeURIComponent(lineId)}`, { method: "DELETE" }, toCart);
}

export function clearCart(t: Transport): Promise<Cart> {
  return request(t, "/api/cart", { method: "DELETE" }, toCart);
}

/** Moves a guest's cart into the signed-in member's (called right after login/registration). */
export function mergeGuestCart(t: Transport, guestToken: string): Promise<Cart> {
  return request(t, "/api/cart/merge", { method: "POST", json: { guestToken } }, toMergedCart);
}
