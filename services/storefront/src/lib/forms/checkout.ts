/** The checkout form: address, shipping method and the (test) card, checked before submitting. */
import { cardDigits, cardNumberValid, expiryValid } from "@shop/contracts";
import { z } from "zod";

// The form checks the card as the order and payment services will; the test imports them here.
export { expiryValid, luhnValid } from "@shop/contracts";

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
    .transform(cardDigits)
    .refine(cardNumberValid, "올바른 카드 번호를 입력해 주세요."),
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
