/**
 * First step of the settlement flow (a webhook finishing a checkout that waited for the
 * provider): loads the order, and if settling fails, cancels it with money and stock returned.
 */
import { asAppError } from "@shop/platform";
import * as store from "../../orders/orders.store.js";
import { SYSTEM } from "../../orders/orders.service.js";
import type { CheckoutContext } from "../checkout.context.js";
import { need, problemOf } from "../checkout.context.js";
import type { Step } from "../saga.js";

export const adoptOrder: Step<CheckoutContext, string> = {
  id: "adopt-order",
  async run(ctx) {
    ctx.order = need(await store.findOrder(ctx.deps.db, ctx.orderId), "order");
    return ctx.orderId;
  },
  async compensate(ctx, orderId, error) {
    await ctx.deps.orders.transition(orderId, "cancelled", SYSTEM, "payment could not be settled");
    await store.patchOrder(ctx.deps.db, orderId, {
      checkoutStatus: "failed",
      checkoutProblem: problemOf(asAppError(error)),
    });
  },
};
