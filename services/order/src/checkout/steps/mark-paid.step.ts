/** Marks the order paid, records the transition and writes `order.paid`, in one transaction. */
import { tx } from "../../db.js";
import * as store from "../../orders/orders.store.js";
import { SYSTEM } from "../../orders/orders.service.js";
import type { CheckoutContext } from "../checkout.context.js";
import { need } from "../checkout.context.js";
import type { Step } from "../saga.js";

export const markPaid: Step<CheckoutContext, never> = {
  id: "mark-paid",
  async run(ctx) {
    const orderId = need(ctx.order, "order").id;
    ctx.order = await tx(ctx.deps.db, async (client) => {
      const order = need(await store.findOrder(client, orderId, "update"), "order row");
      if (order.state === "paid") return order;
      return ctx.deps.orders.applyTransition(client, order, "paid", SYSTEM, "payment captured", {
        paymentStatus: "captured",
        checkoutStatus: "completed",
      });
    });
    ctx.deps.onEvents();
    return undefined;
  },
};
