/**
 * The built-in sandbox provider (id `test`): an in-memory card processor that behaves like a real one,
 * for development and demos.
 * Card numbers pick the behaviour (see sandbox-cards.ts); it keeps its own idempotency by key,
 * refuses impossible operations, and reports everything through signed webhooks.
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
import { WebhookEmitter, type WebhookEnvelope } from "./webhook-emitter.js";

interface Charge {
  ref: string;
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
  status: ProviderResult["status"];
  captured: number;
  refunded: number;
}

export interface SandboxProviderOptions {
  secret: string;
  webhookUrl: () => string | undefined;
  toleranceSeconds: number;
  settleDelayMs: number;
  failDelayMs: number;
  logger: Logger;
}

export class SandboxProvider implements PaymentProvider {
  readonly name = "test";
  readonly webhooks: WebhookEmitter;
  private readonly charges = new Map<string, Charge>();
  private readonly results = new Map<string, ProviderResult>();
  /** Calls that actually moved money, per kind (tests assert "captured once"). */
  readonly counts = { authorize: 0, capture: 0, void: 0, refund: 0 };

  constructor(private readonly options: SandboxProviderOptions) {
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
      this.charges.set(charge.ref, charge);
      if (behaviour === "processing_error") {
        await sleep(this.options.failDelayMs);
        charge.status = "declined";
        this.send(charge, "payment.failed");
        throw new ProviderError(
          "processing_error",
          "The card processor did not complete the request",
        );
      }
      if (behaviour === "decline" || behaviour === "insufficient_funds") {
        charge.status = "declined";
        this.send(charge, "payment.failed");
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
        setTimeout(() => this.settle(charge, input.capture), this.options.settleDelayMs).unref();
        return { status: "pending", providerRef: charge.ref, amount: 0 };
      }
      this.settle(charge, input.capture);
      return { status: charge.status, providerRef: charge.ref, amount: charge.captured };
    });
  }

  async capture(ref: string, amount: number, key: string): Promise<ProviderResult> {
    return this.once(key, async () => {
      const charge = this.charge(ref);
      if (charge.status === "captured") return this.result(charge);
      if (charge.status !== "authorized")
        throw new AppError("PAYMENT_STATE_INVALID", `Cannot capture a ${charge.status} charge`);
      if (amount > charge.amount)
        throw new AppError("VALIDATION_FAILED", "Capture amount exceeds the authorisation");
      this.counts.capture++;
      charge.status = "captured";
      charge.captured = amount;
      this.send(charge, "payment.captured");
      return this.result(charge);
    });
  }

  async void(ref: string, key: string): Promise<ProviderResult> {
    return this.once(key, async () => {
      const charge = this.charge(ref);
      if (charge.status === "voided" || charge.status === "declined") return this.result(charge);
      if (charge.status !== "authorized" && charge.status !== "pending") {
        throw new AppError("PAYMENT_STATE_INVALID", `Cannot void a ${charge.status} charge`);
      }
      this.counts.void++;
      charge.status = "voided";
      this.send(charge, "payment.voided");
      return this.result(charge);
    });
  }

  async refund(ref: string, amount: number, key: string): Promise<ProviderResult> {
    return this.once(key, async () => {
      const charge = this.charge(ref);
      if (charge.status !== "captured" && charge.status !== "refunded") {
        throw new AppError("PAYMENT_STATE_INVALID", `Cannot refund a ${charge.status} charge`);
      }
      if (charge.refunded + amount > charge.captured)
        throw new AppError("VALIDATION_FAILED", "Refund exceeds the captured amount");
      this.counts.refund++;
      charge.refunded += amount;
      if (charge.refunded === charge.captured) charge.status = "refunded";
      this.send(charge, "payment.refunded");
      return { ...this.result(charge), amount };
    });
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

  private settle(charge: Charge, capture: boolean): void {
    if (charge.status !== "pending") return;
    charge.status = "authorized";
    this.send(charge, "payment.authorized");
    if (capture) {
      this.counts.capture++;
      charge.status = "captured";
      charge.captured = charge.amount;
      this.send(charge, "payment.captured");
    }
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

  private charge(ref: string): Charge {
    const charge = this.charges.get(ref);
    if (!charge) throw new AppError("PAYMENT_NOT_FOUND", `The provider has no charge ${ref}`);
    return charge;
  }

  private result(charge: Charge): ProviderResult {
    return { status: charge.status, providerRef: charge.ref, amount: charge.captured };
  }

  /** Provider-side idempotency: the same key answers the first result without acting again. */
  private async once(key: string, fn: () => Promise<ProviderResult>): Promise<ProviderResult> {
    const known = this.results.get(key);
    if (known) return known;
    const result = await fn();
    this.results.set(key, result);
    return result;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
