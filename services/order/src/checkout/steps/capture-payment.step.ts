/** Captures the authorised payment (idempotent per order); undo refunds it. */
import type { CheckoutContext } from "../checkout.context.js";
import { need } from "../checkout.context.js";
import type { Step } from "../saga.js";

export const capturePayment: Step<CheckoutContext, string> = {
  id: "capture-payment",
  async run(ctx) {
    const order = need(ctx.order, "order");
    const paymentId = need(order.paymentId ?? undefined, "payment id");
    ctx.payment = await ctx.deps.payment.capture(paymentId, `capture:${order.id}`);
    return paymentId;
  },
  async compensate(ctx, paymentId) {
    await ctx.deps.payment.refund(paymentId, `refund:${paymentId}`);
  },
};
