/**
 * Authorises the grand total on the card (idempotency key per order). A decline or failure is
 * recorded on the order before the saga unwinds; an unreachable payment service becomes a clear
 * 503. A `pending` answer halts the saga: the provider's webhook settles the order later.
 */
import { AppError } from "@shop/platform";
import { tx } from "../../db.js";
import * as store from "../../orders/orders.store.js";
import type { CheckoutContext } from "../checkout.context.js";
import { need } from "../checkout.context.js";
import type { Step } from "../saga.js";

const UNREACHABLE = new Set([
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_TIMEOUT",
  "UPSTREAM_BAD_RESPONSE",
  "CIRCUIT_OPEN",
  "DEPENDENCY_UNAVAILABLE",
]);

export const authorizePayment: Step<CheckoutContext, string> = {
  id: "authorize-payment",
  async run(ctx) {
    const card = need(ctx.input, "input").payment;
    const order = need(ctx.order, "order");
    let payment;
    try {
      payment = await ctx.deps.payment.authorize({
        orderId: order.id,
        amount: order.totals.grandTotal,
        card: { number: card.cardNumber, expiry: card.expiry, cvc: card.cvc },
        idempotencyKey: `checkout:${order.id}`,
        capture: false,
      });
    } catch (error) {
      if (error instanceof AppError && typeof error.extra.paymentId === "string") {
        await store.patchOrder(ctx.deps.db, order.id, {
          paymentId: error.extra.paymentId,
          paymentStatus: "failed",
        });
      }
      if (error instanceof AppError && UNREACHABLE.has(error.code)) {
        throw new AppError(
          "PAYMENT_UNAVAILABLE",
          "Payments are temporarily unavailable. You have not been charged and nothing is reserved; please try again in a few minutes.",
          {
            cause: error,
            headers: { "retry-after": "30" },
          },
        );
      }
      if (error instanceof AppError && error.code === "VALIDATION_FAILED") {
        throw new AppError("VALIDATION_FAILED", error.message, {
          errors: (error.errors ?? []).map((e) => ({
            ...e,
            field: e.field.replace(/^card\./, "payment."),
          })),
        });
      }
      throw error;
    }
    const pending = payment.status === "pending";
    ctx.payment = payment;
    ctx.order = await tx(ctx.deps.db, (client) =>
      store.patchOrder(client, order.id, {
        paymentId: payment.id,
        paymentStatus: pending ? "pending" : "authorized",
        cardBrand: payment.cardBrand,
        cardLast4: payment.cardLast4,
        ...(pending ? { checkoutStatus: "awaiting_payment" as const } : {}),
      }),
    );
    if (pending) ctx.halted = true;
    return payment.id;
  },
  async compensate(ctx, paymentId) {
    try {
      await ctx.deps.payment.void(paymentId, `void:${paymentId}`);
    } catch (error) {
      // Already captured (the capture step refunds it) or already settled: nothing to void.
      if (!(error instanceof AppError && error.code === "PAYMENT_STATE_INVALID")) throw error;
    }
  },
};
