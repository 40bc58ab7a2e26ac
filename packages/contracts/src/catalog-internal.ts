/**
 * The product service's internal lookup (`POST /internal/products/lookup`): current price, stock
 * and display data of product/option pairs, used by the cart (re-pricing) and the order service
 * (checkout totals). One schema for the producer and both consumers.
 */
import { z } from "zod";

export const ProductLookupRequest = z
  .object({
    items: z
      .array(
        z.object({
          productId: z.string().uuid(),
          optionId: z.string().uuid().nullable().optional(),
        }),
      )
      .min(1)
      .max(200),
  })
  .meta({ id: "LookupRequest" });
export type ProductLookupRequest = z.infer<typeof ProductLookupRequest>;

export const ProductLookupItem = z
  .object({
    productId: z.string(),
    optionId: z.string().nullable(),
    found: z.boolean().meta({ description: "False only for unknown product or option ids" }),
    name: z.string().nullable(),
    slug: z.string().nullable(),
    brand: z.string().nullable(),
    imageUrl: z.string().nullable(),
    optionLabel: z.string().nullable(),
    unitPrice: z.number().int().meta({ description: "price + the option's extraPrice (KRW)" }),
    originalPrice: z
      .number()
      .int()
      .meta({ description: "originalPrice + the option's extraPrice (KRW)" }),
    available: z
      .number()
      .int()
      .meta({ description: "Units that can still be sold (0 unless status is active)" }),
    status: z.enum(["active", "draft", "archived", "deleted"]).nullable(),
  })
  .meta({ id: "LookupItem" });
export type ProductLookupItem = z.infer<typeof ProductLookupItem>;

export const ProductLookupResponse = z
  .object({ items: z.array(ProductLookupItem) })
  .meta({ id: "LookupResponse" });
export type ProductLookupResponse = z.infer<typeof ProductLookupResponse>;
