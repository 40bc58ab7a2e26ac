/**
 * Checkout: idempotency per (owner, key), the saga, and the answer. A repeated key answers the
 * first outcome (201 order or the same problem) instead of running again.
 */
import type { CheckoutResult, Order } from "@shop/contracts";
import { AppError, catalogue, countCheckout, isErrorCode, type Identity } from "@shop/platform";
import { ORDER_ID_ATTRIBUTE } from "@shop/platform/tracing";
import { createHash, randomUUID } from "node:crypto";
import * as attempts from "../orders/checkout-attempts.store.js";
import * as store from "../orders/orders.store.js";
import type { CheckoutBody } from "./checkout.schemas.js";
import { checkoutFlow, settlementFlow } from "./checkout.flow.js";
import { checkoutError, type CheckoutContext, type CheckoutDeps } from "./checkout.context.js";
import { runSaga } from "./saga.js";
import { DuplicateCheckout } from "./steps/create-order.step.js";
import { priceLines } from "./steps/price-lines.step.js";
import { memberContact } from "./steps/resolve-contact.step.js";
import { shippingOptions, totalsOf } from "./pricing.js";

const KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;

export interface CheckoutAnswer {
  status: 201;
  body: CheckoutResult;
  replayed: boolean;
}

export class CheckoutService {
  constructor(private readonly deps: CheckoutDeps) {}

  async checkout(
    identity: Identity,
    body: CheckoutBody,
    key: string | undefined,
  ): Promise<CheckoutAnswer> {
    if (!key)
      throw new AppError(
        "IDEMPOTENCY_KEY_MISSING",
        "Send an Idempotency-Key header (one new key per checkout attempt)",
      );
    if (!KEY_PATTERN.test(key))
      throw new AppError(
        "IDEMPOTENCY_KEY_INVALID",
        "The Idempotency-Key must be 8–255 visible ASCII characters",
      );
    const requestHash = fingerprint(body);
    const existing = await store.findByOwnerKey(this.deps.db, identity.sub, key);
    if (existing && !(await this.mayTryAgain(existing, requestHash, key)))
      return this.replay(existing, requestHash);

    const ctx: CheckoutContext = {
      deps: this.deps,
      logger: this.deps.logger,
      orderId: randomUUID(),
      identity,
      input: body,
      idempotencyKey: key,
      requestHash,
    };
    countCheckout("started");
    try {
      await runSaga(checkoutFlow, ctx, {
        name: "checkout",
        attributes: { [ORDER_ID_ATTRIBUTE]: ctx.orderId },
      });
    } catch (error) {
      if (error instanceof DuplicateCheckout) return this.replay(error.existing, requestHash);
      const refused = checkoutError(error, ctx.order?.id);
      countCheckout(refused.code === "PAYMENT_DECLINED" ? "declined" : "failed");
      throw refused;
    }
    const order = await this.deps.orders.view(ctx.order as store.OrderRecord);
    this.deps.logger.info(
      { orderId: order.id, state: order.state, total: order.totals.grandTotal },
      "checkout finished",
    );
    return { status: 201, body: result(order), replayed: false };
  }

  /** Totals for the current cart and the address prefill, without reserving anything. */
  async preview(identity: Identity, shippingMethod: CheckoutBody["shippingMethod"]) {
    const ctx: CheckoutContext = {
      deps: this.deps,
      logger: this.deps.logger,
      orderId: "",
      identity,
    };
    const cart = await this.deps.cart.get(identity.sub);
    ctx.cartLines = cart.lines.map((l) => ({
      productId: l.productId,
      optionId: l.optionId,
      quantity: l.quantity,
    }));
    const [{ lines, problems }, contact] = await Promise.all([
      ctx.cartLines.length ? priceLines(ctx) : Promise.resolve({ lines: [], problems: [] }),
      memberContact(ctx),
    ]);
    const totals = totalsOf(lines, shippingMethod);
    return {
      lines,
      totals,
      shippingMethod,
      shippingOptions: shippingOptions(totals.subtotal),
      email: contact?.email ?? null,
      shippingAddress: contact?.address ?? null,
      problems,
      canCheckout: lines.length > 0 && problems.length === 0,
    };
  }

  /** Finishes an order that waited for the provider (called by the payment-event intake). */
  async settle(orderId: string): Promise<void> {
    const ctx: CheckoutContext = { deps: this.deps, logger: this.deps.logger, orderId };
    await runSaga(settlementFlow, ctx, {
      name: "settlement",
      attributes: { [ORDER_ID_ATTRIBUTE]: orderId },
    });
  }

  /**
   * A checkout that failed on the platform's side (a 5xx: something unavailable, slow or broken)
   * was undone — order cancelled, stock and money returned — and may run again under the same
   * key: a retry gets a fresh attempt instead of the same failure forever. Failures that are the
   * shopper's (declined card, empty cart, sold out: 4xx) are replayed.
   */
  private async mayTryAgain(
    order: store.OrderRecord,
    requestHash: string,
    key: string,
  ): Promise<boolean> {
    if (order.checkoutStatus !== "failed" || order.requestHash !== requestHash) return false;
    const code = order.checkoutProblem?.code;
    const status = isErrorCode(code) ? catalogue[code].status : 500;
    if (status < 500) return false;
    return attempts.releaseKey(this.deps.db, order.id, key);
  }

  private async replay(order: store.OrderRecord, requestHash: string): Promise<CheckoutAnswer> {
    const headers = { "idempotent-replayed": "true" };
    if (order.requestHash !== requestHash) {
      throw new AppError(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was already used for a different checkout; use a new key",
      );
    }
    if (order.checkoutStatus === "running") {
      throw new AppError(
        "IDEMPOTENCY_KEY_IN_USE",
        "This checkout is still being processed; wait a moment before retrying",
        { headers: { "retry-after": "1" } },
      );
    }
    if (order.checkoutStatus === "failed") {
      const p = order.checkoutProblem ?? { code: "CONFLICT", detail: "This checkout failed" };
      const code = p.code as ConstructorParameters<typeof AppError>[0];
      throw new AppError(code, p.detail, {
        headers,
        extra: { ...(p.extra ?? {}), orderId: order.id },
        ...(p.errors ? { errors: p.errors } : {}),
      });
    }
    return { status: 201, body: result(await this.deps.orders.view(order)), replayed: true };
  }
}

function result(order: Order): CheckoutResult {
  return {
    order,
    payment: {
      id: order.payment.id,
      status: order.payment.status,
      outcome: order.payment.status === "captured" ? "paid" : "pending",
    },
  };
}

/** The request's identity for key reuse checks; the card is represented by its last 4 digits only. */
function fingerprint(body: CheckoutBody): string {
  const { payment, ...rest } = body;
  const canonical = canonicalJson({
    ...rest,
    card: { last4: payment.cardNumber.slice(-4), expiry: payment.expiry },
  });
  return createHash("sha256").update(canonical).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined,
    );
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
