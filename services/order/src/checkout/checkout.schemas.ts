/** Zod schemas of the checkout routes (validation and OpenAPI). */
import {
  CheckoutResult,
  OrderLine,
  OrderTotals,
  ShippingAddress,
  ShippingMethod,
} from "@shop/contracts";
import { z } from "zod";

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function notExpired(expiry: string): boolean {
  const m = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(expiry.trim());
  if (!m) return false;
  const month = Number(m[1]);
  const year = Number(m[2]) < 100 ? 2000 + Number(m[2]) : Number(m[2]);
  const now = new Date();
  return (
    month >= 1 &&
    month <= 12 &&
    (year > now.getUTCFullYear() ||
      (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1))
  );
}

export const CardPayment = z.object({
  method: z.literal("card"),
  cardNumber: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .refine((v) => /^\d{12,19}$/.test(v) && luhn(v), "is not a valid card number"),
  expiry: z.string().refine(notExpired, "must be a future MM/YY"),
  cvc: z.string().regex(/^\d{3,4}$/, "must be 3 or 4 digits"),
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

export const CheckoutPreview = z.object({
  lines: z.array(OrderLine),
  totals: OrderTotals,
  shippingMethod: ShippingMethod,
  shippingOptions: z.array(
    z.object({ method: ShippingMethod, label: z.string(), fee: z.number().int() }),
  ),
  email: z.string().nullable(),
  shippingAddress: ShippingAddress.partial().nullable(),
  /** Lines that cannot be bought as they stand (sold out, not enough, gone). */
  problems: z.array(
    z.object({
      productId: z.string(),
      optionId: z.string().nullable(),
      name: z.string().nullable(),
      requested: z.number().int(),
      available: z.number().int(),
      reason: z.enum(["not_found", "unavailable", "insufficient_stock"]),
    }),
  ),
  canCheckout: z.boolean(),
});

export { CheckoutResult };
