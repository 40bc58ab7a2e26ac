/**
 * Payment statuses only move forward: a late or repeated report (an old "authorized" arriving
 * after "captured") never moves a payment back.
 */
import type { PaymentRecordStatus } from "@shop/contracts";

const RANK: Record<PaymentRecordStatus, number> = {
  pending: 0,
  authorized: 1,
  captured: 2,
  voided: 2,
  declined: 2,
  failed: 2,
  refunded: 3,
};

/** True when moving from `current` to `next` is progress. */
export function isForward(current: PaymentRecordStatus, next: PaymentRecordStatus): boolean {
  if (current === next) return false;
  // Only a captured payment can become refunded; a voided/declined one never can.
  if (next === "refunded") return current === "captured";
  return RANK[next] > RANK[current];
}

/**
 * The status to keep when the provider's synchronous answer to an authorisation lands. Its own
 * webhook may have arrived first (a decline's `payment.failed` makes the payment `failed`); the
 * synchronous answer still decides between `declined` and `failed`, so the caller gets a 402 for a
 * decline whatever the arrival order.
 */
export function settleAuthorization(
  current: PaymentRecordStatus,
  answer: PaymentRecordStatus,
): PaymentRecordStatus {
  const outcome = new Set<PaymentRecordStatus>(["declined", "failed"]);
  if (outcome.has(current) && outcome.has(answer)) return answer;
  return isForward(current, answer) ? answer : current;
}
