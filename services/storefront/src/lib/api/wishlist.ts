/** The member's wishlist (`/api/members/me/wishlist`): product ids, toggled by the hearts. */
import { paginated, WishlistEntry } from "@shop/contracts";
import { request, type Transport } from "./http";
import { parse, parseWith, type Page } from "./wire";

export type { WishlistEntry };

export function toWishlistEntry(wire: unknown): WishlistEntry {
  return parse(WishlistEntry, wire, "wishlist entry");
}

const toWishlistPage = parseWith(paginated(WishlistEntry), (page) => page, "wishlist");

/** One page of the wishlist, newest first (the member service's page size is at most 100). */
export function getWishlistPage(t: Transport, page = 1): Promise<Page<WishlistEntry>> {
  return request(t, "/api/members/me/wishlist", { query: { page, limit: 100 } }, toWishlistPage);
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
