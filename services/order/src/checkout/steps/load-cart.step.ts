/** Reads the caller's cart (lines and quantities only; prices come from the product service). */
import { AppError } from "@shop/platform";
import type { CheckoutContext } from "../checkout.context.js";
import { need } from "../checkout.context.js";
import type { Step } from "../saga.js";

export const loadCart: Step<CheckoutContext, never> = {
  id: "load-cart",
  async run(ctx) {
    const ownerId = need(ctx.identity, "identity").sub;
    const cart = await ctx.deps.cart.get(ownerId);
    if (!cart.lines.length)
      throw new AppError("CART_EMPTY", "Your cart is empty. Add something before checking out.");
    ctx.cartLines = cart.lines.map((l) => ({
      productId: l.productId,
      optionId: l.optionId,
      quantity: l.quantity,
    }));
    return undefined;
  },
};
