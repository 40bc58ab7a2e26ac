/** AppError: the one error type domain code throws; adapters render it as problem details. */
import { catalogue, type ErrorCode } from "./catalogue.js";

/** A field-level validation message, rendered in the problem's `errors` array. */
export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  /** Field errors for `VALIDATION_FAILED`-style problems. */
  errors?: FieldError[];
  /** Extra response headers, e.g. `Retry-After`. */
  headers?: Record<string, string>;
  /** Extra problem members (kept small, never secrets). */
  extra?: Record<string, unknown>;
  /** The underlying error, logged but never sent. */
  cause?: unknown;
}

/**
 * An error with a stable catalogue code. The status comes from the catalogue.
 *
 * @example
 * throw new AppError("PRODUCT_NOT_FOUND", `No product with id ${id}`);
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, detail?: string, options: AppErrorOptions = {}) {
    super(detail ?? catalogue[code].title, options.cause ? { cause: options.cause } : undefined);
    this.name = "AppError";
    this.code = code;
    this.status = catalogue[code].status;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

/** Shorthand for a `VALIDATION_FAILED` error on one field. */
export function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION_FAILED", message, { errors: [{ field, message }] });
}
