/** The browser's store instances, bound to the same-origin transport. */
import { browserTransport as t } from "../api/browser";
import { addItem, getCart, removeLine, setQuantity } from "../api/cart";
import { addToWishlist, getWishlist, removeFromWishlist } from "../api/wishlist";
import { createCartStore } from "./cart-store";
import { createSessionStore, toSessionSnapshot } from "./session-store";
import { createWishlistStore } from "./wishlist-store";

export const sessionStore = createSessionStore(async () => {
  const response = await fetch("/session", { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) throw new Error(`session ${response.status}`);
  return toSessionSnapshot(await response.json());
});

export const cartStore = createCartStore({
  get: () => getCart(t),
  add: (item) => addItem(t, item),
  setQuantity: (lineId, quantity) => setQuantity(t, lineId, quantity),
  remove: (lineId) => removeLine(t, lineId),
});

export const wishlistStore = createWishlistStore({
  list: async () => (await getWishlist(t)).map((entry) => entry.productId),
  add: (productId) => addToWishlist(t, productId),
  remove: (productId) => removeFromWishlist(t, productId),
});
