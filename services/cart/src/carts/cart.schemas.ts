/**
 * The cart routes' own path parameters. Bodies and answers (`AddCartItem`, `Cart`,
 * `CartMergeResult`, …) are contracts with the storefront and the order service: they live in
 * @shop/contracts.
 */
import { z } from "zod";

export const LineParams = z.object({
  lineId: z.string().regex(/^[A-Za-z0-9_-]{16}$/, "is not a cart line id"),
});

export const OwnerParams = z.object({
  ownerId: z.string().regex(/^[A-Za-z0-9_:.-]{1,128}$/, "is not a valid owner id"),
});
