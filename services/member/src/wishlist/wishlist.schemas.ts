/** Wishlist request and answer schemas. */
import { paginated, WishlistEntry } from "@shop/contracts";
import { z } from "zod";

export const WISHLIST_MAX = 500;

/**
 * The product service's ids are UUIDs (random v4 from PostgreSQL, name-based v5 for the seed), so
 * a wishlist takes only that shape: anything else (a slug, `..`, a NUL, the nil UUID, 300
 * characters) is refused before it could be stored as if it were a product.
 */
export const PRODUCT_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const ProductParams = z.object({
  productId: z
    .string()
    .regex(PRODUCT_ID, "A product id is a UUID such as 3f0c1e2a-5b7d-4c19-9e8f-0a1b2c3d4e5f"),
});

export const WishlistQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(100),
});

export const WishlistPage = paginated(WishlistEntry);
export { WishlistEntry };
