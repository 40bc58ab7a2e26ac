/** Zod schemas of the checkout routes (validation and OpenAPI). */
import {
  cardDigits,
  cardNumberValid,
  CheckoutPreview,
  CheckoutResult,
  cvcValid,
  expiryValid,
  ShippingAddress,
  ShippingMethod,
} from "@shop/contracts";
import { z } from "zod";

export const CardPayment = z.object({
  method: z.literal("card"),
  cardNumber: z
    .string()
    .transform(cardDigits)
    .refine(cardNumberValid, "is not a valid card number"),
  expiry: z.string().refine((v) => expiryValid(v), "must be a future MM/YY"),
  cvc: z.string().refine(cvcValid, "must be 3 or 4 digits"),
});

export const CheckoutBody = z.object({
  email: z.string().trim().email().max(254).optional(),
  shippingAddress: ShippingAddress.optional(),
  shippingMethod: ShippingMethod.default("standard"),
  payment: CardPayment,
});
export type CheckoutBody = z.infer<typeof CheckoutBody>;

export const CheckoutHeaders = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .describe("Required (or X-Idempotency-Key): one key per checkout attempt"),
  "x-idempotency-key": z.string().optional(),
});

export const PreviewQuery = z.object({ shippingMethod: ShippingMethod.default("standard") });

export { CheckoutPreview, CheckoutResult };
