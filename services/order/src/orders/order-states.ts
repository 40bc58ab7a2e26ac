/**
 * What follows from the order state machine inside the order service: cancellation by the owner,
 * the outbox event of each state, stock release and the payment status order. The transitions
 * themselves (who may move an order where) are `ORDER_TRANSITIONS` in @shop/contracts.
 */
import {
  canTransition,
  type OrderEventType,
  type OrderState,
  type PaymentStatus,
} from "@shop/contracts";

/** States the owner can still cancel from (before shipping). */
export function ownerCanCancel(state: OrderState): boolean {
  return canTransition(state, "cancelled", "customer");
}

/** The event written to the outbox when an order enters `state`. */
export const EVENT_FOR_STATE: Record<OrderState, OrderEventType> = {
  pending_payment: "order.placed",
  paid: "order.paid",
  preparing: "order.preparing",
  shipped: "order.shipped",
  delivered: "order.delivered",
  cancelled: "order.cancelled",
  refunded: "order.refunded",
};

/** Stock goes back to the shelf when an order is cancelled before it left the warehouse. */
export function releasesStock(from: OrderState, to: OrderState): boolean {
  return to === "cancelled" || (to === "refunded" && (from === "paid" || from === "preparing"));
}

const PAYMENT_RANK: Record<PaymentStatus, number> = {
  none: 0,
  pending: 1,
  authorized: 2,
  captured: 3,
  failed: 3,
  voided: 3,
  refunded: 4,
};

/** Payment status as seen by the order only moves forward (late webhooks never move it back). */
export function paymentMovesForward(current: PaymentStatus, next: PaymentStatus): boolean {
  if (next === "refunded") return current === "captured";
  return PAYMENT_RANK[next] > PAYMENT_RANK[current];
}
