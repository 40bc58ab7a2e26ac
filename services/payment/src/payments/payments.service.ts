/** Payment rules: idempotent authorise/capture/void/refund on top of a provider. */
import type { AuthorizeRequest, Payment, PaymentOperationRequest } from "@shop/contracts";
import { AppError, type Logger } from "@shop/platform";
import { createHash, randomUUID } from "node:crypto";
import { tx, type Db } from "../db.js";
import { ProviderError, type PaymentProvider, type ProviderResult } from "../providers/provider.js";
import { parseCard } from "./card.js";
import { settleAuthorization } from "./payment-status.js";
import * as store from "./payments.store.js";
import type { StoredPayment } from "./payments.store.js";

export interface Outcome {
  status: number;
  payment: Payment;
  replayed: boolean;
}

type Operation = "capture" | "void" | "refund";

export class PaymentsService {
  constructor(
    private readonly db: Db,
    private readonly providers: Map<string, PaymentProvider>,
    private readonly logger: Logger,
  ) {}

  provider(name: string): PaymentProvider {
    const provider = this.providers.get(name);
    if (!provider)
      throw new AppError("VALIDATION_FAILED", `Unknown payment provider '${name}'`, {
        errors: [{ field: "provider", message: "is not configured" }],
      });
    return provider;
  }

  async authorize(input: AuthorizeRequest): Promise<Outcome> {
    const providerName = input.provider ?? "test";
    const provider = this.provider(providerName);
    const card = parseCard(input.card);
    const capture = input.capture ?? false;
    const requestHash = hash([
      input.orderId,
      input.amount,
      input.currency,
      capture,
      providerName,
      card.last4,
    ]);
    const created = await store.insertPayment(this.db, {
      id: randomUUID(),
      orderId: input.orderId,
      provider: providerName,
      amount: input.amount,
      currency: input.currency,
      cardBrand: card.brand,
      cardLast4: card.last4,
      idempotencyKey: input.idempotencyKey,
      requestHash,
    });
    if (!created) return this.replayAuthorization(input.idempotencyKey, requestHash);

    let result: ProviderResult | undefined;
    let failure: { code: string; message: string } | undefined;
    try {
      result = await provider.authorize({
        paymentId: created.id,
        orderId: input.orderId,
        amount: input.amount,
        currency: input.currency,
        card,
        capture,
        idempotencyKey: input.idempotencyKey,
      });
    } catch (error) {
      failure =
        error instanceof ProviderError
          ? { code: error.code, message: error.message }
          : { code: "provider_error", message: "The payment provider failed" };
      if (!(error instanceof ProviderError))
        this.logger.error({ err: error, paymentId: created.id }, "provider authorize failed");
    }
    const payment = await tx(this.db, async (client) => {
      const current = (await store.findPayment(client, created.id, true)) as StoredPayment;
      const status = settleAuthorization(
        current.status,
        failure ? "failed" : (result as ProviderResult).status,
      );
      return store.updatePayment(client, created.id, {
        inFlight: false,
        providerRef: result?.providerRef ?? null,
        status,
        ...(status === "captured" ? { capturedAmount: input.amount } : {}),
        failureCode: failure?.code ?? result?.declineCode ?? null,
        failureMessage: failure?.message ?? result?.message ?? null,
      });
    });
    this.logger.info(
      {
        paymentId: payment.id,
        orderId: payment.orderId,
        status: payment.status,
        last4: payment.cardLast4,
      },
      "payment authorisation finished",
    );
    return answer(payment, false);
  }

  /** Capture, void or refund, once per idempotency key (a retry answers the first result). */
  async operate(
    kind: Operation,
    paymentId: string,
    req: PaymentOperationRequest,
  ): Promise<Outcome> {
    return tx(this.db, async (client) => {
      const payment = await store.findPayment(client, paymentId, true);
      if (!payment) throw new AppError("PAYMENT_NOT_FOUND", `No payment ${paymentId}`);
      const previous = await store.findOperation(client, req.idempotencyKey);
      if (previous) {
        if (previous.paymentId !== paymentId || previous.kind !== kind) {
          throw new AppError(
            "IDEMPOTENCY_KEY_REUSED",
            "This idempotency key was used for another payment operation",
          );
        }
        return { status: previous.httpStatus, payment: previous.result, replayed: true };
      }
      const provider = this.provider(payment.provider);
      const { update, amount } = await this.applyOperation(kind, provider, payment, req);
      const updated = update ? await store.updatePayment(client, paymentId, update) : payment;
      const result = store.publicPayment(updated);
      await store.insertOperation(client, {
        key: req.idempotencyKey,
        paymentId,
        kind,
        amount,
        result,
      });
      this.logger.info(
        { paymentId, kind, status: updated.status, amount },
        "payment operation finished",
      );
      return { status: 200, payment: result, replayed: false };
    });
  }

  async get(id: string): Promise<Payment> {
    const payment = await store.findPayment(this.db, id);
    if (!payment) throw new AppError("PAYMENT_NOT_FOUND", `No payment ${id}`);
    return store.publicPayment(payment);
  }

  async listForOrder(orderId: string): Promise<Payment[]> {
    return (await store.listByOrder(this.db, orderId)).map(store.publicPayment);
  }

  private async applyOperation(
    kind: Operation,
    provider: PaymentProvider,
    p: StoredPayment,
    req: PaymentOperationRequest,
  ) {
    const key = req.idempotencyKey;
    const ref = p.providerRef;
    const invalid = () =>
      new AppError("PAYMENT_STATE_INVALID", `Cannot ${kind} a payment that is ${p.status}`, {
        extra: { paymentId: p.id, status: p.status },
      });
    try {
      if (kind === "capture") {
        if (p.status === "captured") return { update: undefined, amount: null };
        if (p.status !== "authorized" || !ref) throw invalid();
        const amount = req.amount ?? p.amount;
        if (amount <= 0 || amount > p.amount)
          throw new AppError(
            "VALIDATION_FAILED",
            "The capture amount must be between 1 and the authorised amount",
          );
        await provider.capture(ref, amount, key);
        return { update: { status: "captured" as const, capturedAmount: amount }, amount };
      }
      if (kind === "void") {
        if (["voided", "declined", "failed"].includes(p.status))
          return { update: undefined, amount: null };
        if (p.status !== "authorized" && p.status !== "pending") throw invalid();
        const charge = ref ?? (await this.cutOffCharge(provider, p));
        // No charge at the provider: the authorisation never reached it, nothing is held.
        if (charge) await provider.void(charge, key);
        return {
          update: { status: "voided" as const, inFlight: false, providerRef: charge ?? null },
          amount: null,
        };
      }
      if (p.status === "refunded") return { update: undefined, amount: null };
      if (p.status !== "captured" || !ref) throw invalid();
      const remaining = p.capturedAmount - p.refundedAmount;
      const amount = req.amount ?? remaining;
      if (amount <= 0 || amount > remaining)
        throw new AppError(
          "VALIDATION_FAILED",
          `The refund amount must be between 1 and ${remaining}`,
        );
      await provider.refund(ref, amount, key);
      const refunded = p.refundedAmount + amount;
      return {
        update: {
          refundedAmount: refunded,
          ...(refunded === p.capturedAmount ? { status: "refunded" as const } : {}),
        },
        amount,
      };
    } catch (error) {
      if (error instanceof ProviderError)
        throw new AppError("PAYMENT_FAILED", error.message, { extra: { paymentId: p.id } });
      throw error;
    }
  }

  /**
   * The provider's reference for a payment whose authorisation has no answer recorded: still
   * running (refused for now, with Retry-After), or cut off when the service stopped mid-call (the
   * provider is asked by our payment id; undefined when it never saw the authorisation).
   */
  private async cutOffCharge(provider: PaymentProvider, p: StoredPayment) {
    if (p.inFlight && Date.now() - Date.parse(p.createdAt) < AUTHORIZATION_CUT_OFF_MS)
      throw new AppError("PAYMENT_STATE_INVALID", "The authorisation is still running", {
        headers: { "retry-after": "2" },
        extra: { paymentId: p.id, status: p.status },
      });
    return (await provider.findCharge(p.id))?.providerRef;
  }

  /** A second authorise with a known key: wait for the first to finish, then answer the same. */
  private async replayAuthorization(key: string, requestHash: string): Promise<Outcome> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const existing = await store.findByKey(this.db, key);
      if (!existing) throw new AppError("CONFLICT", "The payment with this key disappeared");
      if (existing.requestHash !== requestHash) {
        throw new AppError(
          "IDEMPOTENCY_KEY_REUSED",
          "This idempotency key was used for a different payment",
        );
      }
      if (!existing.inFlight) return answer(existing, true);
      if (Date.now() > deadline)
        throw new AppError(
          "IDEMPOTENCY_KEY_IN_USE",
          "The first request with this key is still running",
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** An authorisation still without an answer after this was cut off (every call to a provider is bounded well below). */
const AUTHORIZATION_CUT_OFF_MS = 30_000;

/** Declines and failures are problems (402/502); everything else is a 201 with the payment. */
function answer(payment: StoredPayment, replayed: boolean): Outcome {
  const headers: Record<string, string> = replayed ? { "idempotent-replayed": "true" } : {};
  const extra = { paymentId: payment.id, orderId: payment.orderId };
  if (payment.status === "declined") {
    throw new AppError("PAYMENT_DECLINED", "The card was declined. Try another card.", {
      headers,
      extra: { ...extra, declineCode: payment.failureCode },
    });
  }
  if (payment.status === "failed") {
    throw new AppError(
      "PAYMENT_FAILED",
      "The card processor could not complete the payment. You have not been charged.",
      { headers, extra: { ...extra, failureCode: payment.failureCode } },
    );
  }
  return { status: 201, payment: store.publicPayment(payment), replayed };
}

function hash(parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
