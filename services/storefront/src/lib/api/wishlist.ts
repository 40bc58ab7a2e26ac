/** The member's wishlist (`/api/members/me/wishlist`): product ids, toggled by the hearts. */
import { request, type Transport } from "./http";
import { obj, optStr, str, toPage, type Page } from "./wire";

export interface WishlistEntry {
  productId: string;
  addedAt: string;
}

export function toWishlistEntry(value: unknown): WishlistEntry {
  const w = obj(value, "wishlist entry");
  return { productId: str(w.productId, "wishlist.productId"), addedAt: optStr(w.addedAt) ?? "" };
}

/** One page of the wishlist, newest first (the member service's page size is at most 100). */
export function getWishlistPage(t: Transport, page = 1): Promise<Page<WishlistEntry>> {
  return request(t, "/api/members/me/wishlist", { query: { page, limit: 100 } }, (wire) =>
    toPage(wire, toWishlistEntry),
  );
}

const MAX_PAGES = 5;

/** The whole wishlist (at most 500 entries, the member service's cap). */
export async function getWishlist(t: Transport): Promise<WishlistEntry[]> {
  const first = await getWishlistPage(t, 1);
  const entries = [...first.items];
  for (let page = 2; page <= Math.min(first.totalPages, MAX_PAGES); page++)
    entries.push(...(await getWishlistPage(t, page)).items);
  return entries;
}

export function addToWishlist(t: Transport, productId: string): Promise<void> {
  return request(
    t,
    `/api/members/me/wishlist/${encodeURIComponent(productId)}`,
    { method: "PUT" },
    () => undefined,
  );
}

export function removeFromWishlist(t: Transport, productId: string): Promise<void> {
  return request(
    t,
    `/api/members/me/wishlist/${encodeURIComponent(productId)}`,
    { method: "DELETE" },
    () => undefined,
  );
}
