/**
 * The platform's error catalogue: every stable error `code` with its HTTP status and title.
 *
 * Domain code throws {@link AppError} with one of these codes and never picks a status itself;
 * framework adapters turn it into RFC 9457 problem details. Codes are part of the public API:
 * add new ones freely, never rename or reuse a retired one (see docs/errors.md).
 */
export const catalogue = {
  // Caller's request
  VALIDATION_FAILED: { status: 400, title: "The request is not valid" },
  MALFORMED_JSON: { status: 400, title: "The request body is not valid JSON" },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: "The request body has an unsupported content type",
  },
  BODY_TOO_LARGE: { status: 413, title: "The request body is too large" },
  ROUTE_NOT_FOUND: { status: 404, title: "No such route" },
  METHOD_NOT_ALLOWED: { status: 405, title: "Method not allowed on this route" },
  RATE_LIMITED: { status: 429, title: "Too many requests" },
  CSRF_REJECTED: { status: 403, title: "Cross-site request rejected" },

  // Identity
  AUTH_REQUIRED: { status: 401, title: "Authentication required" },
  AUTH_TOKEN_INVALID: { status: 401, title: "The access token is not valid" },
  AUTH_TOKEN_EXPIRED: { status: 401, title: "The access token has expired" },
  AUTH_SESSION_REVOKED: { status: 401, title: "The session has ended" },
  AUTH_INVALID_CREDENTIALS: { status: 401, title: "Email or password is incorrect" },
  AUTH_CLIENT_INVALID: { status: 401, title: "Unknown client" },
  AUTH_REFRESH_INVALID: { status: 401, title: "The refresh token is not valid" },
  AUTH_REFRESH_REUSED: {
    status: 401,
    title: "The refresh token was already used; the session is revoked",
  },
  AUTH_TOO_MANY_ATTEMPTS: { status: 429, title: "Too many failed attempts" },
  FORBIDDEN: { status: 403, title: "Not allowed" },
  INTERNAL_AUTH_REQUIRED: { status: 401, title: "Internal caller credentials required" },

  // Members
  MEMBER_NOT_FOUND: { status: 404, title: "Member not found" },
  MEMBER_EMAIL_TAKEN: { status: 409, title: "Email already registered" },
  MEMBER_DISABLED: { status: 403, title: "The account is disabled" },
  PASSWORD_TOO_WEAK: { status: 400, title: "The password is too weak" },
  PASSWORD_INCORRECT: { status: 400, title: "The current password is incorrect" },
  MEMBER_LAST_ADMIN: {
    status: 409,
    title: "The last active admin cannot be removed, demoted or disabled",
  },
  WISHLIST_LIMIT_EXCEEDED: { status: 422, title: "The wishlist is full" },

  // Idempotency
  IDEMPOTENCY_KEY_MISSING: { status: 400, title: "An Idempotency-Key header is required" },
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: "The Idempotency-Key header is malformed" },
  IDEMPOTENCY_KEY_IN_USE: {
    status: 409,
    title: "A request with this Idempotency-Key is still in progress",
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: "The Idempotency-Key was used with a different request",
  },
  IDEMPOTENCY_UNAVAILABLE: { status: 503, title: "Idempotency store unavailable" },

  // Catalogue
  CATEGORY_NOT_FOUND: { status: 404, title: "Category not found" },
  CATEGORY_SLUG_TAKEN: { status: 409, title: "Category slug already in use" },
  CATEGORY_NOT_EMPTY: { status: 409, title: "The category still has products" },
  PRODUCT_NOT_FOUND: { status: 404, title: "Product not found" },
  PRODUCT_SLUG_TAKEN: { status: 409, title: "Product slug already in use" },
  OPTION_NOT_FOUND: { status: 404, title: "Product option not found" },
  IMAGE_NOT_FOUND: { status: 404, title: "Image not found" },
  IMAGE_INVALID: { status: 415, title: "The upload is not a supported image" },
  IMAGE_TOO_LARGE: { status: 413, title: "The image is too large" },
  REVIEW_ALREADY_EXISTS: { status: 409, title: "You already reviewed this product" },
  INSUFFICIENT_STOCK: { status: 409, title: "Not enough stock" },
  RESERVATION_NOT_FOUND: { status: 404, title: "Stock reservation not found" },
  RESERVATION_RELEASED: { status: 409, title: "The stock reservation was released or has expired" },

  // Cart, orders, payments
  CART_LINE_NOT_FOUND: { status: 404, title: "Cart line not found" },
  CART_LIMIT_EXCEEDED: { status: 422, title: "Cart limit exceeded" },
  CART_EMPTY: { status: 422, title: "The cart is empty" },
  ORDER_NOT_FOUND: { status: 404, title: "Order not found" },
  ORDER_TRANSITION_INVALID: { status: 409, title: "The order cannot move to that state" },
  PAYMENT_DECLINED: { status: 402, title: "The payment was declined" },
  PAYMENT_FAILED: { status: 502, title: "The payment provider failed" },
  PAYMENT_NOT_FOUND: { status: 404, title: "Payment not found" },
  WEBHOOK_SIGNATURE_INVALID: { status: 401, title: "The webhook signature is not valid" },
  PAYMENT_UNAVAILABLE: { status: 503, title: "Payments are temporarily unavailable" },
  PAYMENT_STATE_INVALID: { status: 409, title: "The payment cannot do that in its current state" },
  CHECKOUT_ITEM_UNAVAILABLE: { status: 409, title: "An item in the cart can no longer be bought" },
  CHECKOUT_INTERRUPTED: { status: 503, title: "The checkout was interrupted before it finished" },

  // Platform and upstreams
  CONFLICT: { status: 409, title: "Conflict" },
  UPSTREAM_UNAVAILABLE: { status: 503, title: "A service this request needs is unavailable" },
  UPSTREAM_TIMEOUT: { status: 504, title: "A service this request needs did not answer in time" },
  UPSTREAM_BAD_RESPONSE: {
    status: 502,
    title: "A service this request needs answered unexpectedly",
  },
  CIRCUIT_OPEN: { status: 503, title: "The service is temporarily unavailable" },
  DEPENDENCY_UNAVAILABLE: { status: 503, title: "A dependency is unavailable" },
  INTERNAL_ERROR: { status: 500, title: "Something went wrong on our side" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof catalogue;

/** True when `code` is a catalogue code. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(catalogue, code);
}

/** The problem `type` URI for a code, e.g. `/problems/validation-failed`. */
export function problemType(code: ErrorCode): string {
  return `/problems/${code.toLowerCase().replaceAll("_", "-")}`;
}
