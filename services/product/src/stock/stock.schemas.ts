/**
 * The stock routes' own path parameter. The lookup and reservation bodies and answers are
 * contracts with the cart and order services: they live in @shop/contracts.
 */
import { z } from "zod";

export const ReservationIdParam = z.object({ id: z.string().min(1).max(100) });
export type ReservationIdParam = z.infer<typeof ReservationIdParam>;
