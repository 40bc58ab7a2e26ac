/** Internal stock API schemas: product lookup and reservations (validation + OpenAPI). */
import { ProductLookupItem, ProductLookupRequest, ProductLookupResponse } from "@shop/contracts";
import { z } from "zod";

// The lookup is a contract with the cart and order services: its schemas live in @shop/contracts.
export const LookupRequest = ProductLookupRequest;
export type LookupRequest = z.infer<typeof LookupRequest>;
export const LookupItem = ProductLookupItem;
export type LookupItem = z.infer<typeof LookupItem>;
export const LookupResponse = ProductLookupResponse;

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

export const ReservationView = z
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
export type ReservationView = z.infer<typeof ReservationView>;

export const ReservationIdParam = z.object({ id: z.string().min(1).max(100) });
export type ReservationIdParam = z.infer<typeof ReservationIdParam>;
