/**
 * The product service's internal API (`X-Internal-Key`): the lookup (`POST
 * /internal/products/lookup`) of current price, stock and display data of product/option pairs,
 * used by the cart (re-pricing) and the order service (checkout totals), and the stock
 * reservations the checkout holds, commits and releases (`/internal/reservations`).
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

export const ReservationCreate = z
  .object({
    reservationId: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits and . _ : - only")
      .meta({ description: "The order id; the same id again answers the existing reservation" }),
    items: z
      .array(
        z.object({
          productId: z.string().uuid(),
          optionId: z.string().uuid().nullable().optional(),
          quantity: z.number().int().min(1).max(10_000),
        }),
      )
      .min(1)
      .max(100),
    ttlSeconds: z
      .number()
      .int()
      .min(1)
      .max(86_400)
      .default(900)
      .meta({ description: "Capped by RESERVATION_MAX_TTL_SECONDS" }),
  })
  .meta({ id: "ReservationCreate" });
export type ReservationCreate = z.infer<typeof ReservationCreate>;

export const Reservation = z
  .object({
    reservationId: z.string(),
    status: z.enum(["reserved", "committed", "released"]),
    expiresAt: z.string(),
    items: z.array(
      z.object({
        productId: z.string(),
        optionId: z.string().nullable(),
        quantity: z.number().int(),
      }),
    ),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
    releasedAt: z.string().nullable(),
    releaseReason: z.string().nullable().meta({ description: "requested or expired" }),
  })
  .meta({ id: "Reservation" });
export type Reservation = z.infer<typeof Reservation>;
