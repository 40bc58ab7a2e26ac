/**
 * The built-in sandbox provider (id `test`): a card processor that behaves like a real one, for
 * development and demos. Card numbers pick the behaviour (see sandbox-cards.ts); it keeps its books
 * and its idempotency by key in the payment database (a restart forgets nothing), refuses
 * impossible operations, and reports everything through signed webhooks.
 */
import { AppError, type Logger } from "@shop/platform";
import { randomUUID } from "node:crypto";
import {
  ProviderError,
  type AuthorizeInput,
  type PaymentProvider,
  type ProviderResult,
  type ProviderWebhookEvent,
} from "../provider.js";
import { SIGNATURE_HEADER, verify } from "../signature.js";
import { behaviourOf } from "./sandbox-cards.js";
import type { Charge, SandboxLedger } from "./sandbox-ledger.js";
import { WebhookEmitter, type WebhookEnvelope } from "./webhook-emitter.js";

export interface SandboxProviderOptions {
  secret: string;
  webhookUrl: () => string | undefined;
  toleranceSeconds: number;
  settleDelayMs: number;
  failDelayMs: number;
  logger: Logger;
  ledger: SandboxLedger;
}

export class SandboxProvider implements PaymentProvider {
  readonly name = "test";
  readonly webhooks: WebhookEmitter;
  private readonly ledger: SandboxLedger;
  /** Calls that actually moved money, per kind (tests assert "captured once"). */
  readonly counts = { authorize: 0, capture: 0, void: 0, refund: 0 };

  constructor(private readonly options: SandboxProviderOptions) {
    this.ledger = options.ledger;
    this.webhooks = new WebhookEmitter({
      secret: options.secret,
      target: options.webhookUrl,
      logger: options.logger,
    });
  }

  async authorize(input: AuthorizeInput): Promise<ProviderResult> {
    return this.once(input.idempotencyKey, async () => {
      const behaviour = behaviourOf(input.card.number);
      const charge: Charge = {
        ref: `tp_${randomUUID().replaceAll("-", "")}`,
        paymentId: input.paymentId,
        orderId: input.orderId,
        amount: input.amount,
        currency: input.currency,
        status: "pending",
        captured: 0,
        refunded: 0,
      };
      await this.ledger.open(charge);
      if (behaviour === "processing_error") {
        await sleep(this.options.failDelayMs);
        this.send((await this.decline(charge.ref)).charge, "payment.failed");
        throw new ProviderError(
          "processing_error",
          "The card processor did not complete the request",
        );
      }
      if (behaviour === "decline" || behaviour === "insufficient_funds") {
        this.send((await this.decline(charge.ref)).charge, "payment.failed");
        const declineCode = behaviour === "decline" ? "card_declined" : "insufficient_funds";
        return {
          status: "declined",
          providerRef: charge.ref,
          amount: 0,
          declineCode,
          message: "The card was declined",
        };
      }
      this.counts.authorize++;
      if (behaviour === "settle_later") {
        setTimeout(() => {
          this.settle(charge.ref, input.capture).catch((error: unknown) =>
            this.options.logger.warn({ err: error, ref: charge.ref }, "sandbox settlement failed"),
          );
        }, this.options.settleDelayMs).unref();
        return { status: "pending", providerRef: charge.ref, amount: 0 };
      }
      return this.result(await this.settle(charge.ref, input.capture));
    });
  }

  async capture(ref: string, amount: number, key: string): Promise<ProviderResult> {
    return this.once(key, async () => {
      const { value: moved, charge } = await this.ledger.update(ref, (c) => {
        if (c.status === "captured") return false;
        if (c.status !== "authorized")
          throw new AppError("PAYMENT_STATE_INVALID", `Cannot capture a ${c.status} charge`);
        if (amount > c.amount)
          throw new AppError("VALIDATION_FAILED", "Capture amount exceeds the authorisation");
        c.status = "captured";
        c.captured = amount;
        return true;
      });
      if (moved) {
        this.counts.capture++;
        this.send(charge, "payment.captured");
      }
      return this.result(charge);
    });
  }

  async void(ref: string, key: string): Promise<ProviderResult> {
    return this.once(key, async () => {
      const { value: moved, charge } = await this.ledger.update(ref, (c) => {
        if (c.status === "voided" || c.status === "declined") return false;
        if (c.status !== "authorized" && c.status !== "pending")
          throw new AppError("PAYMENT_STATE_INVALID", `Cannot void a ${c.status} charge`);
        c.status = "voided";
        return true;
      });
      if (moved) {
        this.counts.void++;
        this.send(charge, "payment.voided");
      }
      return this.result(charge);
    });
  }

  async refund(ref: string, amount: number, key: string): Promise<ProviderResult> {
    return this.once(key, async () => {
      const { charge } = await this.ledger.update(ref, (c) => {
        if (c.status !== "captured" && c.status !== "refunded")
          throw new AppError("PAYMENT_STATE_INVALID", `Cannot refund a ${c.status} charge`);
        if (c.refunded + amount > c.captured)
          throw new AppError("VALIDATION_FAILED", "Refund exceeds the captured amount");
        c.refunded += amount;
        if (c.refunded === c.captured) c.status = "refunded";
      });
      this.counts.refund++;
      this.send(charge, "payment.refunded");
      return { ...this.result(charge), amount };
    });
  }

  async findCharge(paymentId: string): Promise<ProviderResult | undefined> {
    const charge = await this.ledger.forPayment(paymentId);
    return charge && this.result(charge);
  }

  parseWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): ProviderWebhookEvent {
    verify(this.options.secret, rawBody, headers[SIGNATURE_HEADER], this.options.toleranceSeconds);
    let envelope: WebhookEnvelope;
    try {
      envelope = JSON.parse(rawBody.toString("utf8")) as WebhookEnvelope;
    } catch {
      throw new AppError("MALFORMED_JSON", "The webhook body is not valid JSON");
    }
    const data = envelope.data as Record<string, string | number>;
    return {
      eventId: String(envelope.id),
      type: envelope.type as ProviderWebhookEvent["type"],
      providerRef: String(data.ref),
      paymentId: String(data.paymentId),
      orderId: String(data.orderId),
      amount: Number(data.amount),
      currency: String(data.currency),
      occurredAt: new Date(Number(envelope.created) * 1000).toISOString(),
    };
  }

  close(): void {
    this.webhooks.close();
  }

  private decline(ref: string) {
    return this.ledger.update(ref, (c) => {
      c.status = "declined";
    });
  }

  /** A pending charge becomes authorised (and captured, when asked), each with its webhook. */
  private async settle(ref: string, capture: boolean): Promise<Charge> {
    const { value: moved, charge } = await this.ledger.update(ref, (c) => {
      if (c.status !== "pending") return false;
      c.status = capture ? "captured" : "authorized";
      if (capture) c.captured = c.amount;
      return true;
    });
    if (moved) {
      this.send(charge, "payment.authorized");
      if (capture) {
        this.counts.capture++;
        this.send(charge, "payment.captured");
      }
    }
    return charge;
  }

  private send(charge: Charge, type: string): void {
    this.webhooks.emit({
      id: `evt_${randomUUID().replaceAll("-", "")}`,
      type,
      created: Math.floor(Date.now() / 1000),
      data: {
        ref: charge.ref,
        paymentId: charge.paymentId,
        orderId: charge.orderId,
        amount:
          type === "payment.refunded"
            ? charge.refunded
            : type === "payment.captured"
              ? charge.captured
              : charge.amount,
        currency: charge.currency,
      },
    });
  }

  private result(charge: Charge): ProviderResult {
    return { status: charge.status, providerRef: charge.ref, amount: charge.captured };
  }

  /** Provider-side idempotency: the same key answers the first result without acting again. */
  private async once(key: string, fn: () => Promise<ProviderResult>): Promise<ProviderResult> {
    const known = await this.ledger.answered(key);
    if (known) return known;
    const result = await fn();
    await this.ledger.remember(key, result);
    return result;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
