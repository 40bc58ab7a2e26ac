/** Card input checks: Luhn, expiry, CVC and brand. The number never leaves this step except to the provider. */
import { AppError, type FieldError } from "@shop/platform";
import {
  cardDigits,
  cardNumberValid,
  cvcValid,
  expired,
  parseExpiry,
  type CardInput,
} from "@shop/contracts";
import type { CardDetails } from "../providers/provider.js";

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
  const digits = cardDigits(card.number);
  if (!cardNumberValid(digits))
    errors.push({ field: "card.number", message: "is not a valid card number" });
  const expiry = parseExpiry(card.expiry);
  if (!expiry) errors.push({ field: "card.expiry", message: "must be MM/YY" });
  else if (expired(expiry, now))
    errors.push({ field: "card.expiry", message: "the card has expired" });
  if (!cvcValid(card.cvc)) errors.push({ field: "card.cvc", message: "must be 3 or 4 digits" });
  if (errors.length || !expiry) {
    throw new AppError(
      "VALIDATION_FAILED",
      errors.map((e) => `${e.field}: ${e.message}`).join("; "),
      { errors },
    );
  }
  return {
    number: digits,
    expiryMonth: expiry.month,
    expiryYear: expiry.year,
    cvc: card.cvc.trim(),
    brand: brandOf(digits),
    last4: digits.slice(-4),
  };
}
