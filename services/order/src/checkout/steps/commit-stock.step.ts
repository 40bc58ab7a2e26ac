/** Turns the reservation into a sale before any money is taken; undo restocks it. */
import type { CheckoutContext } from "../checkout.context.js";
import { need } from "../checkout.context.js";
import type { Step } from "../saga.js";

export const commitStock: Step<CheckoutContext, string> = {
  id: "commit-stock",
  async run(ctx) {
    const order = need(ctx.order, "order");
    await ctx.deps.product.commit(order.reservationId);
    return order.reservationId;
  },
  async compensate(ctx, reservationId) {
    await ctx.deps.product.release(reservationId);
  },
};
