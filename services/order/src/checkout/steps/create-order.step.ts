/**
 * Writes the order (pending payment), its lines, its first transition and `order.placed` in one
 * transaction. The (owner, idempotency key) pair is unique: a double submit that slipped past the
 * gateway loses here and answers the first order instead.
 */
import { AppError, asAppError } from "@shop/platform";
import { randomBytes } from "node:crypto";
import { tx } from "../../db.js";
import * as store from "../../orders/orders.store.js";
import { SYSTEM } from "../../orders/orders.service.js";
import type { CheckoutContext } from "../checkout.context.js";
import { checkoutError, need, problemOf } from "../checkout.context.js";
import type { Step } from "../saga.js";

/** Thrown when another request with the same key created the order first. */
export class DuplicateCheckout extends Error {
  constructor(readonly existing: store.OrderRecord) {
    super("duplicate checkout");
  }
}

export const createOrder: Step<CheckoutContext, string> = {
  id: "create-order",
  async run(ctx) {
    const identity = need(ctx.identity, "identity");
    const order = await tx(ctx.deps.db, (client) =>
      store.insertOrder(
        client,
        {
          id: ctx.orderId,
          number: orderNumber(),
          ownerId: identity.sub,
          ownerRole: identity.role,
          email: need(ctx.email, "email"),
          idempotencyKey: need(ctx.idempotencyKey, "idempotency key"),
          requestHash: need(ctx.requestHash, "request hash"),
          shippingMethod: need(ctx.input, "input").shippingMethod,
          shippingAddress: need(ctx.address, "address"),
          totals: need(ctx.totals, "totals"),
          lines: need(ctx.lines, "lines"),
          reservationId: ctx.orderId,
          reservationExpiresAt: need(ctx.reservationExpiresAt, "reservation"),
        },
        { type: identity.role, id: identity.sub },
      ),
    );
    if (!order) {
      const existing = await store.findByOwnerKey(
        ctx.deps.db,
        identity.sub,
        need(ctx.idempotencyKey, "key"),
      );
      if (!existing)
        throw new AppError(
          "CONFLICT",
          "The order for this request could not be created; try again",
        );
      throw new DuplicateCheckout(existing);
    }
    ctx.order = order;
    ctx.deps.onEvents();
    return order.id;
  },
  /** Cancels the order in the database only (money and stock have their own steps' undo). */
  async compensate(ctx, orderId, error) {
    const problem = problemOf(checkoutError(asAppError(error), orderId));
    await tx(ctx.deps.db, async (client) => {
      const order = await store.findOrder(client, orderId, "update");
      if (!order) return;
      const patch = { checkoutStatus: "failed" as const, checkoutProblem: problem };
      if (order.state === "pending_payment")
        await ctx.deps.orders.applyTransition(
          client,
          order,
          "cancelled",
          SYSTEM,
          reasonOf(problem.code),
          patch,
        );
      else await store.patchOrder(client, orderId, patch);
    });
    ctx.deps.onEvents();
  },
};

function reasonOf(code: string): string {
  if (code === "PAYMENT_DECLINED") return "payment declined";
  if (code === "PAYMENT_UNAVAILABLE") return "payment service unavailable";
  if (code === "PAYMENT_FAILED") return "payment failed";
  return `checkout failed (${code})`;
}

/** A short human-friendly number, e.g. `ORD-20250101-7K3QX9`. */
function orderNumber(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const suffix = Array.from(randomBytes(6), (b) => alphabet[b % alphabet.length]).join("");
  return `ORD-${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-${suffix}`;
}
