/** SQL for the outbox of payment events still to be delivered to the order service. */
import type { PaymentEvent } from "@shop/contracts";
import type { Queryable } from "../db.js";

export async function enqueueOrderEvent(db: Queryable, event: PaymentEvent): Promise<void> {
  await db.query(
    "INSERT INTO order_event_outbox (event_id, payload) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING",
    [event.eventId, JSON.stringify(event)],
  );
}

export interface DueEvent {
  id: string;
  attempts: number;
  payload: PaymentEvent;
}

export async function claimDue(db: Queryable, limit: number): Promise<DueEvent[]> {
  const { rows } = await db.query<DueEvent>(
    `SELECT id, attempts, payload FROM order_event_outbox
     WHERE delivered_at IS NULL AND next_attempt_at <= now()
     ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return rows;
}

export async function markDelivered(db: Queryable, id: string): Promise<void> {
  await db.query(
    "UPDATE order_event_outbox SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1",
    [id],
  );
}

export async function markFailed(
  db: Queryable,
  id: string,
  delayMs: number,
  error: string,
): Promise<void> {
  await db.query(
    `UPDATE order_event_outbox SET attempts = attempts + 1, last_error = $3,
       next_attempt_at = now() + ($2::int * interval '1 millisecond') WHERE id = $1`,
    [id, delayMs, error.slice(0, 500)],
  );
}
