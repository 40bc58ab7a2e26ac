/** Card input checks: Luhn, expiry, CVC and brand. The number never leaves this step except to the provider. */
import { AppError, type FieldError } from "@shop/platform";
import type { CardInput } from "@shop/contracts";
import type { CardDetails } from "../providers/provider.js";

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
  return sum % 10 === 0;
}

export function brandOf(digits: string): string {
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  if (/^(9|6)/.test(digits)) return "local";
  return "unknown";
}

/** Validates and normalises a card, throwing VALIDATION_FAILED with field errors (never echoing the number). */
export function parseCard(card: CardInput, now = new Date()): CardDetails {
  const errors: FieldError[] = [];
  const digits = card.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits))
    errors.push({ field: "card.number", message: "is not a valid card number" });
  const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(card.expiry.trim());
  const month = expiry ? Number(expiry[1]) : NaN;
  const rawYear = expiry ? Number(expiry[2]) : NaN;
  const year = rawYear < 100 ? 2000 + rawYear : rawYear;
  if (!expiry || month < 1 || month > 12) {
    errors.push({ field: "card.expiry", message: "must be MM/YY" });
  } else if (
    year < now.getUTCFullYear() ||
    (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)
  ) {
    errors.push({ field: "card.expiry", message: "the card has expired" });
  }
  if (!/^\d{3,4}$/.test(card.cvc.trim()))
    errors.push({ field: "card.cvc", message: "must be 3 or 4 digits" });
  if (errors.length) {
    throw new AppError(
      "VALIDATION_FAILED",
      errors.map((e) => `${e.field}: ${e.message}`).join("; "),
      { errors },
    );
  }
  return {
    number: digits,
    expiryMonth: month,
    expiryYear: year,
    cvc: card.cvc.trim(),
    brand: brandOf(digits),
    last4: digits.slice(-4),
  };
}
