/** The checkout form: address, shipping method and the (test) card, checked before submitting. */
import { z } from "zod";

/** Luhn checksum of a card number's digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

/** `MM/YY` not in the past (end of that month), relative to `now`. */
export function expiryValid(value: string, now = new Date()): boolean {
  const match = /^(0[1-9]|1[0-2])\/(\d{2})$/.exec(value.trim());
  if (!match) return false;
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  return (
    year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1)
  );
}

export const checkoutSchema = z.object({
  email: z.string().trim().max(254).email("올바른 이메일 형식이 아닙니다.").or(z.literal("")),
  recipient: z
    .string()
    .trim()
    .min(1, "받는 분을 입력해 주세요.")
    .max(100, "100자 이하로 입력해 주세요."),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, "숫자와 - 로 된 전화번호를 입력해 주세요."),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9]{5}$/, "우편번호는 숫자 5자리입니다."),
  line1: z.string().trim().min(1, "주소를 입력해 주세요.").max(200, "200자 이하로 입력해 주세요."),
  line2: z.string().trim().max(200, "200자 이하로 입력해 주세요."),
  shippingMethod: z.enum(["standard", "express"], { error: "배송 방법을 선택해 주세요." }),
  cardNumber: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .refine((v) => /^\d{12,19}$/.test(v) && luhnValid(v), "올바른 카드 번호를 입력해 주세요."),
  expiry: z
    .string()
    .trim()
    .refine((v) => expiryValid(v), "유효기간을 MM/YY 형식으로 입력해 주세요."),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "CVC는 숫자 3–4자리입니다."),
});
export type CheckoutFormInput = z.infer<typeof checkoutSchema>;

/** Guests must leave an email for the order; members have one on file. */
export function checkoutSchemaFor(guest: boolean) {
  return guest
    ? checkoutSchema.refine((v) => v.email !== "", {
        path: ["email"],
        message: "주문 확인용 이메일을 입력해 주세요.",
      })
    : checkoutSchema;
}

export const CHECKOUT_FIELDS = [
  "email",
  "recipient",
  "phone",
  "postalCode",
  "line1",
  "line2",
  "shippingMethod",
  "cardNumber",
  "expiry",
  "cvc",
] as const;
