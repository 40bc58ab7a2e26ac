/** The recorded history of an order: every state change with its time, actor and reason. */
import type { ActorType, OrderState } from "@shop/contracts";
import type { Queryable } from "../db.js";

export async function of(db: Queryable, orderId: string) {
  const { rows } = await db.query(
    "SELECT * FROM order_transitions WHERE order_id = $1 ORDER BY id",
    [orderId],
  );
  return rows.map((r) => ({
    from: r.from_state as OrderState | null,
    to: r.to_state as OrderState,
    actorType: r.actor_type as ActorType,
    actorId: r.actor_id as string | null,
    reason: r.reason as string | null,
    at: (r.at as Date).toISOString(),
  }));
}

export async function record(
  db: Queryable,
  orderId: string,
  from: OrderState | null,
  to: OrderState,
  actorType: ActorType,
  actorId: string | null,
  reason: string | null,
) {
  await db.query(
    "INSERT INTO order_transitions (order_id, from_state, to_state, actor_type, actor_id, reason) VALUES ($1, $2, $3, $4, $5, $6)",
    [orderId, from, to, actorType, actorId, reason],
  );
}
