/** Outbox rows: written in the same transaction as the order change they describe. */
import type { OrderEvent, OrderState } from "@shop/contracts";
import { randomUUID } from "node:crypto";
import type { Queryable } from "../db.js";
import { EVENT_FOR_STATE } from "../orders/order-states.js";

export interface OutboxRow {
  id: string;
  event_id: string;
  type: string;
  payload: OrderEvent;
}

/** Writes the event for `order` having entered `state`. */
export async function writeOrderEvent(
  db: Queryable,
  order: { id: string; number: string; ownerId: string; grandTotal: number },
  state: OrderState,
  reason: string | null,
): Promise<OrderEvent> {
  const event: OrderEvent = {
    eventId: randomUUID(),
    type: EVENT_FOR_STATE[state],
    orderId: order.id,
    orderNumber: order.number,
    ownerId: order.ownerId,
    state,
    grandTotal: order.grandTotal,
    at: new Date().toISOString(),
    reason,
  };
  await db.query(
    "INSERT INTO outbox (event_id, type, aggregate_id, payload) VALUES ($1, $2, $3, $4)",
    [event.eventId, event.type, order.id, JSON.stringify(event)],
  );
  return event;
}

export async function claimUnpublished(db: Queryable, limit: number): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(
    "SELECT id, event_id, type, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
    [limit],
  );
  return rows;
}

export async function markPublished(db: Queryable, ids: string[]): Promise<void> {
  if (ids.length)
    await db.query("UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])", [ids]);
}

/** Unpublished events and the age of the oldest one, for the outbox metrics. */
export async function backlog(
  db: Queryable,
): Promise<{ backlog: number; oldestAgeSeconds: number }> {
  const { rows } = await db.query<{ n: number; age: number | null }>(
    `SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS age
       FROM outbox WHERE published_at IS NULL`,
  );
  return { backlog: rows[0]?.n ?? 0, oldestAgeSeconds: Math.max(0, rows[0]?.age ?? 0) };
}
