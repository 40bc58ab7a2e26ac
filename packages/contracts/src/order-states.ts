/**
 * The order state machine: every allowed transition and who may make it. The order service
 * enforces it (anything not listed is ORDER_TRANSITION_INVALID, 409); the storefront reads it to
 * offer an admin only the moves the service will accept.
 */
import type { ActorType, OrderState } from "./orders.ts";

export interface OrderTransitionRule {
  from: OrderState;
  to: OrderState;
  by: readonly ActorType[];
}

const OWNER: ActorType[] = ["customer", "guest"];

/** In the order an admin screen shows them: the usual next step first. */
export const ORDER_TRANSITIONS: readonly OrderTransitionRule[] = [
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
  return ORDER_TRANSITIONS.some((e) => e.from === from && e.to === to && e.by.includes(actor));
}

/** The states `actor` may move an order in `from` to, usual step first. */
export function nextStates(from: OrderState, actor: ActorType): OrderState[] {
  return ORDER_TRANSITIONS.filter((e) => e.from === from && e.by.includes(actor)).map((e) => e.to);
}
