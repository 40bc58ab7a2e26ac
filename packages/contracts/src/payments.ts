/**
 * The payment service's internal API (called by the order service with X-Internal-Key) and the
 * payment events it forwards to the order service's intake, `POST /internal/payments/events`.
 */
import { z } from "zod";
import { Won } from "./common.ts";

export const PaymentRecordStatus = z.enum([
  "pending",
  "authorized",
  "captured",
  "voided",
  "refunded",
  "declined",
  "failed",
]);
export type PaymentRecordStatus = z.infer<typeof PaymentRecordStatus>;

export const CardInput = z.object({
  number: z.string(),
  expiry: z.string(),
  cvc: z.string(),
  holder: z.string().optional(),
});
export type CardInput = z.infer<typeof CardInput>;

export const AuthorizeRequest = z.object({
  orderId: z.string().min(1),
  amount: Won.refine((n) => n > 0, "must be positive"),
  currency: z.literal("KRW"),
  card: CardInput,
  idempotencyKey: z.string().min(8).max(255),
  /** Capture at once (one call) instead of authorising now and capturing later. */
  capture: z.boolean().default(false),
  provider: z.string().default("test"),
});
export type AuthorizeRequest = z.input<typeof AuthorizeRequest>;

export const PaymentOperationRequest = z.object({
  idempotencyKey: z.string().min(8).max(255),
  /** Capture/refund amount; defaults to the whole (remaining) amount. */
  amount: Won.optional(),
  reason: z.string().max(200).optional(),
});
export type PaymentOperationRequest = z.infer<typeof PaymentOperationRequest>;

export const Payment = z.object({
  id: z.string(),
  orderId: z.string(),
  provider: z.string(),
  providerRef: z.string().nullable(),
  amount: Won,
  capturedAmount: Won,
  refundedAmount: Won,
  currency: z.string(),
  status: PaymentRecordStatus,
  cardBrand: z.string().nullable(),
  cardLast4: z.string().nullable(),
  /** Decline or failure code from the provider (`card_declined`, `processing_error`, …). */
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Payment = z.infer<typeof Payment>;

/** `GET /internal/payments?orderId=` answer: every payment of one order. */
export const PaymentList = z.object({ items: z.array(Payment) });
export type PaymentList = z.infer<typeof PaymentList>;

export const PaymentEventType = z.enum([
  "payment.authorized",
  "payment.captured",
  "payment.failed",
  "payment.voided",
  "payment.refunded",
]);
export type PaymentEventType = z.infer<typeof PaymentEventType>;

/** What the payment service forwards to `POST /internal/payments/events` on the order service. */
export const PaymentEvent = z.object({
  /** The provider's event id (stable across redeliveries): the de-duplication key. */
  eventId: z.string().min(1),
  type: PaymentEventType,
  paymentId: z.string(),
  orderId: z.string(),
  amount: Won,
  currency: z.string(),
  /** ISO 8601 UTC, when the provider says it happened. */
  occurredAt: z.string(),
});
export type PaymentEvent = z.infer<typeof PaymentEvent>;
