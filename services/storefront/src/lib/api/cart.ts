/** The cart (cart service through the gateway): guests and members alike, re-priced on read. */
import { request, type Transport } from "./http";
import { arr, bool, num, obj, optStr, productKey, str } from "./wire";

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

export function toCartLine(value: unknown): CartLine {
  const w = obj(value, "cart line");
  const quantity = num(w.quantity, 1);
  const unitPrice = num(w.unitPrice);
  return {
    lineId: str(w.lineId ?? w.id, "line.lineId"),
    productId: str(w.productId, "line.productId"),
    optionId: optStr(w.optionId),
    name: optStr(w.name) ?? "상품",
    slug: productKey(str(w.productId, "line.productId"), optStr(w.slug)),
    imageUrl: optStr(w.imageUrl),
    optionLabel: optStr(w.optionLabel),
    quantity,
    unitPrice,
    priceWhenAdded: num(w.priceWhenAdded, unitPrice),
    priceChanged: bool(w.priceChanged),
    available: num(w.available, quantity),
    outOfStock: bool(w.outOfStock),
    exceedsStock: bool(w.exceedsStock),
    lineTotal: num(w.lineTotal, unitPrice * quantity),
  };
}

export function toCart(value: unknown): Cart {
  const w = obj(value, "cart");
  const source = w.cart && typeof w.cart === "object" ? (w.cart as Record<string, unknown>) : w;
  const lines = arr(source.lines).map(toCartLine);
  return {
    lines,
    itemCount: num(
      source.itemCount,
      lines.reduce((n, l) => n + l.quantity, 0),
    ),
    subtotal: num(
      source.subtotal,
      lines.reduce((n, l) => n + l.lineTotal, 0),
    ),
    currency: optStr(source.currency) ?? "KRW",
  };
}

/** Lines that block checkout (gone, sold out or over stock). */
export function blockingLines(cart: Cart): CartLine[] {
  return cart.lines.filter((l) => l.outOfStock || l.exceedsStock);
}

/** Mutations may answer the new cart or nothing (204); null means "read it again". */
function toCartOrNull(value: unknown): Cart | null {
  return value === undefined ? null : toCart(value);
}

export function getCart(t: Transport): Promise<Cart> {
  return request(t, "/api/cart", {}, (wire) => (wire === undefined ? EMPTY_CART : toCart(wire)));
}

export interface AddItem {
  productId: string;
  optionId?: string | null;
  quantity: number;
}

export function addItem(t: Transport, item: AddItem): Promise<Cart | null> {
  const json = {
    productId: item.productId,
    quantity: item.quantity,
    ...(item.optionId ? { optionId: item.optionId } : {}),
  };
  return request(t, "/api/cart/items", { method: "POST", json }, toCartOrNull);
}

export function setQuantity(t: Transport, lineId: string, quantity: number): Promise<Cart | null> {
  return request(
    t,
    `/api/cart/items/${encodeURIComponent(lineId)}`,
    { method: "PATCH", json: { quantity } },
    toCartOrNull,
  );
}

export function removeLine(t: Transport, lineId: string): Promise<Cart | null> {
  return request(
    t,
    `/api/cart/items/${encodeURIComponent(lineId)}`,
    { method: "DELETE" },
    toCartOrNull,
  );
}

export function clearCart(t: Transport): Promise<Cart | null> {
  return request(t, "/api/cart", { method: "DELETE" }, toCartOrNull);
}

/** Moves a guest's cart into the signed-in member's (called right after login/registration). */
export function mergeGuestCart(t: Transport, guestToken: string): Promise<Cart | null> {
  return request(t, "/api/cart/merge", { method: "POST", json: { guestToken } }, toCartOrNull);
}
