/** The member's wishlist (`/api/members/me/wishlist`): product ids, toggled by the hearts. */
import { request, type Transport } from "./http";
import { arr, obj, optStr, str } from "./wire";

export interface WishlistEntry {
  productId: string;
  addedAt: string;
}

export function toWishlist(value: unknown): WishlistEntry[] {
  const list = Array.isArray(value) ? value : obj(value, "wishlist").items;
  return arr(list).map((item) => {
    const w = obj(item, "wishlist entry");
    return { productId: str(w.productId, "wishlist.productId"), addedAt: optStr(w.addedAt) ?? "" };
  });
}

export function getWishlist(t: Transport): Promise<WishlistEntry[]> {
  return request(t, "/api/members/me/wishlist", {}, toWishlist);
}

export function addToWishlist(t: Transport, productId: string): Promise<void> {
  return request(t, `/api/members/me/wishlist/${encodeURIComponent(productId)}`, { method: "PUT" }, () => undefined);
}

export function removeFromWishlist(t: Transport, productId: string): Promise<void> {
  return request(t, `/api/members/me/wishlist/${encodeURIComponent(productId)}`, { method: "DELETE" }, () => undefined);
}
