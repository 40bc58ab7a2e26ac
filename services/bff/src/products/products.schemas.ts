/** `/api/products/:idOrSlug` path parameter (the answer, `ProductPageData`, is in @shop/contracts). */
import { z } from "zod";

export const ProductParams = z.object({
  idOrSlug: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\p{L}\p{N}_-]+$/u, "must be a product id or slug"),
});
