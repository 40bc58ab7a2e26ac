/**
 * The card checks every side applies the same way: the checkout form (before submitting), the
 * order service (checkout body) and the payment service (before a number reaches a provider).
 * Pure functions, no zod, so they stay tiny in the browser bundle.
 */

/** The digits of a card number as typed (spaces and dashes dropped). */
export function cardDigits(number: string): string {
  return number.replace(/[\s-]/g, "");
}

/** Luhn checksum of a string of digits. */
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

/** 12 to 19 digits (after {@link cardDigits}) that pass the Luhn check. */
export function cardNumberValid(digits: string): boolean {
  return /^\d{12,19}$/.test(digits) && luhnValid(digits);
}

export interface CardExpiry {
  month: number;
  /** Four digits. */
  year: number;
}

/** `MM/YY` (also `M/YY`, `MM/YYYY`, spaces around the slash); undefined when it is not a date. */
export function parseExpiry(text: string): CardExpiry | undefined {
  const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = Number(match[1]);
  const year = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { month, year: year < 100 ? 2000 + year : year };
}

/** A card is good until the end of its expiry month (UTC). */
export function expired(expiry: CardExpiry, now = new Date()): boolean {
  const year = now.getUTCFullYear();
  return expiry.year < year || (expiry.year === year && expiry.month < now.getUTCMonth() + 1);
}

/** An expiry that parses and is not in the past, relative to `now`. */
export function expiryValid(text: string, now = new Date()): boolean {
  const expiry = parseExpiry(text);
  return expiry !== undefined && !expired(expiry, now);
}

/** 3 or 4 digits. */
export function cvcValid(cvc: string): boolean {
  return /^\d{3,4}$/.test(cvc.trim());
}
