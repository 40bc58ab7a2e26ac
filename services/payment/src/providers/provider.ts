/** The contract every payment provider adapter fulfils (the built-in `test` provider is one). */
import type { PaymentEventType } from "@shop/contracts";

export interface CardDetails {
  number: string;
  expiryMonth: number;
  expiryYear: number;
  cvc: string;
  brand: string;
  last4: string;
}

export interface AuthorizeInput {
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
  card: CardDetails;
  capture: boolean;
  idempotencyKey: string;
}

/** What a provider answers; `pending` means a webhook will settle it later. */
export interface ProviderResult {
  status: "authorized" | "captured" | "pending" | "declined" | "voided" | "refunded";
  providerRef: string;
  amount: number;
  declineCode?: string;
  message?: string;
}

/** A provider-side failure that is not a decline (network, processing error). */
export class ProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

/** A verified webhook, normalised. */
export interface ProviderWebhookEvent {
  eventId: string;
  type: PaymentEventType;
  providerRef: string;
  /** Our payment id, echoed back from the metadata we sent. */
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
  occurredAt: string;
}

export interface PaymentProvider {
  readonly name: string;
  authorize(input: AuthorizeInput): Promise<ProviderResult>;
  capture(providerRef: string, amount: number, idempotencyKey: string): Promise<ProviderResult>;
  void(providerRef: string, idempotencyKey: string): Promise<ProviderResult>;
  refund(providerRef: string, amount: number, idempotencyKey: string): Promise<ProviderResult>;
  /**
   * The charge the provider holds for one of our payments, found by our payment id: for a payment
   * whose authorisation was cut off (the service stopped) before the provider's answer was kept.
   */
  findCharge(paymentId: string): Promise<ProviderResult | undefined>;
  /** Verifies the signature over the raw body and parses it; throws WEBHOOK_SIGNATURE_INVALID. */
  parseWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): ProviderWebhookEvent;
}
