/**
 * Intake of payment events forwarded by the payment service. Each event applies once (by event
 * id) and in any order: the order's payment status only moves forward, and a checkout the saga
 * still owns is left to the saga. A follow-up that fails un-records the event and answers 503,
 * so the payment service delivers it again later.
 */
import type { PaymentEvent, PaymentStatus } from "@shop/contracts";
import { AppError, countCheckout, type Logger } from "@shop/platform";
import type { CheckoutService } from "../checkout/checkout.service.js";
import type { PaymentClient } from "../clients/payment.client.js";
import { tx, type Db } from "../db.js";
import { paymentMovesForward } from "../orders/order-states.js";
import type { Actor, OrdersService } from "../orders/orders.service.js";
import * as store from "../orders/orders.store.js";

type Action = "none" | "settle" | "cancel" | "refund-payment" | "void-payment" | "refund-order";

const STATUS_OF: Record<PaymentEvent["type"], PaymentStatus> = {
  "payment.authorized": "authorized",
  "payment.captured": "captured",
  "payment.failed": "failed",
  "payment.voided": "voided",
  "payment.refunded": "refunded",
};

const PAYMENT: Actor = { type: "payment", id: null };

export interface IntakeResult {
  duplicate: boolean;
  action: Action | "unknown-order";
}

export class PaymentEventsService {
  constructor(
    private readonly deps: {
      db: Db;
      orders: OrdersService;
      checkout: CheckoutService;
      payment: PaymentClient;
      logger: Logger;
    },
  ) {}

  async apply(event: PaymentEvent): Promise<IntakeResult> {
    const decided = await tx(this.deps.db, async (client) => {
      const order = await store.findOrder(client, event.orderId, "update");
      if (order?.checkoutStatus === "running") throw busy(order.id);
      const inserted = await client.query(
        "INSERT INTO processed_payment_events (event_id, order_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        [event.eventId, event.orderId, event.type],
      );
      if (!inserted.rowCount) return { duplicate: true, action: "none" as const };
      if (!order) return { duplicate: false, action: "unknown-order" as const };
      const next = STATUS_OF[event.type];
      const action = decide(order, event.type);
      const patch: store.OrderPatch = {};
      if (paymentMovesForward(order.paymentStatus, next)) patch.paymentStatus = next;
      if (!order.paymentId) patch.paymentId = event.paymentId;
      // Claim the settlement so a second event does not settle the same order concurrently.
      if (action === "settle") patch.checkoutStatus = "running";
      if (Object.keys(patch).length) await store.patchOrder(client, order.id, patch);
      return { duplicate: false, action };
    });
    if (decided.action !== "none" && decided.action !== "unknown-order") {
      try {
        await this.follow(decided.action, event);
      } catch (error) {
        await this.deps.db.query("DELETE FROM processed_payment_events WHERE event_id = $1", [
          event.eventId,
        ]);
        if (decided.action === "settle")
          await store
            .patchOrder(this.deps.db, event.orderId, { checkoutStatus: "awaiting_payment" })
            .catch(() => undefined);
        throw new AppError(
          "DEPENDENCY_UNAVAILABLE",
          "The event could not be applied yet; deliver it again later",
          { cause: error },
        );
      }
    }
    this.deps.logger.info(
      { eventId: event.eventId, type: event.type, orderId: event.orderId, ...decided },
      "payment event applied",
    );
    return decided;
  }

  private async follow(action: Action, event: PaymentEvent): Promise<void> {
    const { orders, checkout } = this.deps;
    if (action === "settle") await checkout.settle(event.orderId);
    else if (action === "cancel") {
      await orders.transition(event.orderId, "cancelled", PAYMENT, "payment failed");
      countCheckout("declined");
      await store.patchOrder(this.deps.db, event.orderId, {
        checkoutStatus: "failed",
        checkoutProblem: {
          code: "PAYMENT_DECLINED",
          detail: "The payment did not go through; the order was cancelled.",
        },
      });
    } else if (action === "refund-payment" || action === "void-payment") await this.giveBack(event);
    else if (action === "refund-order")
      await orders.transition(
        event.orderId,
        "refunded",
        PAYMENT,
        "refunded at the payment provider",
      );
  }

  /**
   * Money that arrived for an order already given up goes back, by what the payment is now (an
   * event may come late: the payment may have been voided or refunded meanwhile).
   */
  private async giveBack(event: PaymentEvent): Promise<void> {
    const { payment } = this.deps;
    const current = (await payment.forOrder(event.orderId)).find((p) => p.id === event.paymentId);
    if (current?.status === "captured")
      await payment.refund(event.paymentId, `refund:${event.paymentId}`);
    else if (current?.status === "authorized" || current?.status === "pending")
      await payment.void(event.paymentId, `void:${event.paymentId}`);
  }
}

/**
 * While the order's checkout (or settlement) runs, an event is not taken: the saga may be undoing
 * the very payment the event reports, and would not see it. The payment service delivers it again
 * shortly, when the order's outcome is known.
 */
function busy(orderId: string): AppError {
  return new AppError(
    "CONFLICT",
    "The order's checkout is still running; deliver the event again shortly",
    {
      headers: { "retry-after": "1" },
      extra: { orderId },
    },
  );
}

function decide(order: store.OrderRecord, type: PaymentEvent["type"]): Action {
  const waiting = order.state === "pending_payment" && order.checkoutStatus === "awaiting_payment";
  if (type === "payment.authorized" || type === "payment.captured") {
    if (waiting) return "settle";
    // Money arrived for an order that was already given up (timed out or cancelled): give it back.
    if (order.state === "cancelled")
      return type === "payment.captured" ? "refund-payment" : "void-payment";
    return "none";
  }
  if (type === "payment.failed") return waiting ? "cancel" : "none";
  if (type === "payment.refunded")
    return ["paid", "preparing", "shipped", "delivered"].includes(order.state)
      ? "refund-order"
      : "none";
  return "none";
}
