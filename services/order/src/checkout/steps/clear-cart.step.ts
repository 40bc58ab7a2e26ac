/** Empties the cart once the order is paid. Best effort: a paid order never fails because of it. */
import type { CheckoutContext } from "../checkout.context.js";
import { need } from "../checkout.context.js";
import type { Step } from "../saga.js";

export const clearCart: Step<CheckoutContext, never> = {
  id: "clear-cart",
  async run(ctx) {
    const ownerId = need(ctx.order, "order").ownerId;
    try {
      await ctx.deps.cart.clear(ownerId);
    } catch (error) {
      ctx.logger.warn({ err: error, orderId: ctx.orderId }, "cart not cleared after payment");
    }
    return undefined;
  },
};
