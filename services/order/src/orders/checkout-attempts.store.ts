/**
 * Checkout attempts on the orders table: freeing the key of an attempt that failed and was undone,
 * and finding attempts whose process died mid-checkout.
 */
import type { Queryable } from "../db.js";

/**
 * Frees the idempotency key of a checkout that failed and was undone, so a retry with the same key
 * can try again; the old order keeps its row (and the key, with its id appended). False when
 * another retry freed it first.
 */
export async function releaseKey(db: Queryable, id: string, key: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE orders SET idempotency_key = idempotency_key || '~' || id::text, updated_at = now()
     WHERE id = $1 AND idempotency_key = $2 AND checkout_status = 'failed'`,
    [id, key],
  );
  return rowCount === 1;
}

/** Checkouts still marked running long after any live checkout would have answered. */
export async function staleCheckouts(db: Queryable, olderThanSeconds: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM orders WHERE checkout_status = 'running'
       AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT 100`,
    [olderThanSeconds],
  );
  return rows.map((r) => r.id);
}
