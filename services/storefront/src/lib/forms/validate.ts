/** Form validation shared by the browser (as you type) and the server action (authoritative). */
import type { z } from "zod";
import type { FieldError } from "../api/http";

export type FieldErrors = Record<string, string>;

/** First message per top-level field of a failed parse. */
export function issuesByField(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}

export function validate<T>(
  schema: z.ZodType<T>,
  values: unknown,
): { data: T; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(values);
  return result.success
    ? { data: result.data, errors: null }
    : { data: null, errors: issuesByField(result.error) };
}

/**
 * Server field errors (`shippingAddress.line1`, `payment.cardNumber`) keyed by the form's own
 * field names (the last path segment), so each message lands under its input.
 */
export function serverFieldErrors(errors: FieldError[], known: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const { field, message } of errors) {
    const name = field.split(".").pop() ?? field;
    out[known.includes(name) ? name : "form"] ??= message;
  }
  return out;
}

/** FormData → plain object of strings (files and repeated keys left to the caller). */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") out[key] = value;
  return out;
}
