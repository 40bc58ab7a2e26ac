/** Wishlist request and answer schemas. */
import { paginated, WishlistEntry } from "@shop/contracts";
import { z } from "zod";

export const WISHLIST_MAX = 500;

export const ProductParams = z.object({
  productId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Product ids are 1–64 letters, digits, _ or -"),
});

export const WishlistQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(100),
});

export const WishlistPage = paginated(WishlistEntry);
export { WishlistEntry };
