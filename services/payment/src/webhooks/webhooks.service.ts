/**
 * Provider webhooks: verify, de-duplicate by the provider's event id, move the payment forward
 * (never back), and queue the event for the order service in the same transaction.
 */
import type { PaymentEvent, PaymentRecordStatus } from "@shop/contracts";
import { AppError, type Logger } from "@shop/platform";
import { tx, type Db } from "../db.js";
import { isForward } from "../payments/payment-status.js";
import * as payments from "../payments/payments.store.js";
import type { PaymentProvider, ProviderWebhookEvent } from "../providers/provider.js";
import { enqueueOrderEvent } from "../forwarding/forward.store.js";

export interface WebhookReceipt {
  received: true;
  duplicate: boolean;
}

const STATUS_OF: Record<ProviderWebhookEvent["type"], PaymentRecordStatus> = {
  "payment.authorized": "authorized",
  "payment.captured": "captured",
  "payment.failed": "failed",
  "payment.voided": "voided",
  "payment.refunded": "refunded",
};

export class WebhooksService {
  constructor(
    private readonly db: Db,
    private readonly providers: Map<string, PaymentProvider>,
    private readonly logger: Logger,
    private readonly onQueued: () => void,
  ) {}

  async receive(
    providerName: string,
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<WebhookReceipt> {
    const provider = this.providers.get(providerName);
    if (!provider) throw new AppError("ROUTE_NOT_FOUND", `No payment provider '${providerName}'`);
    let event: ProviderWebhookEvent;
    try {
      event = provider.parseWebhook(rawBody, headers);
    } catch (error) {
      if (error instanceof AppError && error.code === "WEBHOOK_SIGNATURE_INVALID") {
        this.logger.warn(
          { provider: providerName, reason: error.message, bytes: rawBody.length },
          "webhook rejected: bad signature",
        );
      }
      throw error;
    }
    if (!STATUS_OF[event.type])
      throw new AppError("VALIDATION_FAILED", `Unknown webhook event type '${event.type}'`);

    const duplicate = await tx(this.db, async (client) => {
      const payment =
        (await payments.findPayment(client, event.paymentId, true)) ??
        (await payments.findByProviderRef(client, providerName, event.providerRef, true));
      const inserted = await client.query(
        `INSERT INTO webhook_events (provider, event_id, type, payment_id, payload) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [providerName, event.eventId, event.type, payment?.id ?? null, JSON.stringify(event)],
      );
      if (!inserted.rowCount) return true;
      if (!payment) {
        this.logger.warn(
          { provider: providerName, eventId: event.eventId, ref: event.providerRef },
          "webhook for an unknown payment recorded",
        );
        return false;
      }
      await this.apply(client, payment, event);
      const forwarded: PaymentEvent = {
        eventId: `${providerName}:${event.eventId}`,
        type: event.type,
        paymentId: payment.id,
        orderId: payment.orderId,
        amount: event.amount,
        currency: event.currency,
        occurredAt: event.occurredAt,
      };
      await enqueueOrderEvent(client, forwarded);
      return false;
    });
    if (!duplicate) this.onQueued();
    this.logger.info(
      { provider: providerName, eventId: event.eventId, type: event.type, duplicate },
      "webhook received",
    );
    return { received: true, duplicate };
  }

  private async apply(
    client: Parameters<typeof payments.updatePayment>[0],
    payment: payments.StoredPayment,
    event: ProviderWebhookEvent,
  ) {
    const next = STATUS_OF[event.type];
    if (event.type === "payment.refunded") {
      const refunded = Math.min(
        Math.max(payment.refundedAmount, event.amount),
        payment.capturedAmount,
      );
      const status =
        refunded === payment.capturedAmount && isForward(payment.status, "refunded")
          ? "refunded"
          : undefined;
      await payments.updatePayment(client, payment.id, {
        refundedAmount: refunded,
        ...(status ? { status } : {}),
      });
      return;
    }
    if (!isForward(payment.status, next)) return;
    await payments.updatePayment(client, payment.id, {
      status: next,
      providerRef: event.providerRef,
      ...(next === "captured" ? { capturedAmount: event.amount } : {}),
    });
  }
}
