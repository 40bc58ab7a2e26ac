/**
 * The order state machine: every allowed transition and who may make it. Nothing else decides
 * whether an order may move; anything not listed here is ORDER_TRANSITION_INVALID (409).
 */
import type { ActorType, OrderEventType, OrderState, PaymentStatus } from "@shop/contracts";

interface Edge {
  from: OrderState;
  to: OrderState;
  by: ActorType[];
}

const OWNER: ActorType[] = ["customer", "guest"];

export const TRANSITIONS: readonly Edge[] = [
  { from: "pending_payment", to: "paid", by: ["system", "payment"] },
  { from: "pending_payment", to: "cancelled", by: [...OWNER, "admin", "system", "payment"] },
  { from: "paid", to: "preparing", by: ["admin"] },
  { from: "paid", to: "cancelled", by: [...OWNER, "admin"] },
  { from: "paid", to: "refunded", by: ["admin", "payment"] },
  { from: "preparing", to: "shipped", by: ["admin"] },
  { from: "preparing", to: "cancelled", by: [...OWNER, "admin"] },
  { from: "preparing", to: "refunded", by: ["admin", "payment"] },
  { from: "shipped", to: "delivered", by: ["admin"] },
  { from: "shipped", to: "refunded", by: ["admin", "payment"] },
  { from: "delivered", to: "refunded", by: ["admin", "payment"] },
];

export function canTransition(from: OrderState, to: OrderState, actor: ActorType): boolean {
  return TRANSITIONS.some((e) => e.from === from && e.to === to && e.by.includes(actor));
}

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
