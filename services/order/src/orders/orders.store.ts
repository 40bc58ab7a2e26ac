/** SQL for orders, their lines and transitions. */
import type {
  ActorType,
  Order,
  OrderLine,
  OrderState,
  PaymentStatus,
  ShippingAddress,
  ShippingMethod,
} from "@shop/contracts";
import type { Queryable } from "../db.js";
import * as transitions from "./order-transitions.store.js";
import { writeOrderEvent } from "../outbox/outbox.store.js";
import { ownerCanCancel } from "./order-states.js";

export type CheckoutStatus = "running" | "awaiting_payment" | "completed" | "failed";

export interface StoredProblem {
  code: string;
  detail: string;
  extra?: Record<string, unknown>;
  errors?: Array<{ field: string; message: string }>;
}

export interface OrderRecord {
  id: string;
  number: string;
  ownerId: string;
  ownerRole: "guest" | "customer" | "admin";
  email: string;
  state: OrderState;
  idempotencyKey: string;
  requestHash: string;
  shippingMethod: ShippingMethod;
  shippingAddress: ShippingAddress;
  totals: Order["totals"];
  reservationId: string;
  reservationExpiresAt: Date;
  paymentId: string | null;
  paymentStatus: PaymentStatus;
  cardBrand: string | null;
  cardLast4: string | null;
  checkoutStatus: CheckoutStatus;
  checkoutProblem: StoredProblem | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Record<string, unknown>;

function toRecord(r: Row): OrderRecord {
  return {
    id: r.id as string,
    number: r.number as string,
    ownerId: r.owner_id as string,
    ownerRole: r.owner_role as OrderRecord["ownerRole"],
    email: r.email as string,
    state: r.state as OrderState,
    idempotencyKey: r.idempotency_key as string,
    requestHash: r.request_hash as string,
    shippingMethod: r.shipping_method as ShippingMethod,
    shippingAddress: r.shipping_address as ShippingAddress,
    totals: {
      itemsTotal: r.items_total as number,
      discountTotal: r.discount_total as number,
      subtotal: r.subtotal as number,
      shippingFee: r.shipping_fee as number,
      grandTotal: r.grand_total as number,
      currency: "KRW",
    },
    reservationId: r.reservation_id as string,
    reservationExpiresAt: r.reservation_expires_at as Date,
    paymentId: (r.payment_id as string | null) ?? null,
    paymentStatus: r.payment_status as PaymentStatus,
    cardBrand: (r.card_brand as string | null) ?? null,
    cardLast4: (r.card_last4 as string | null) ?? null,
    checkoutStatus: r.checkout_status as CheckoutStatus,
    checkoutProblem: (r.checkout_problem as StoredProblem | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

export interface NewOrder {
  id: string;
  number: string;
  ownerId: string;
  ownerRole: OrderRecord["ownerRole"];
  email: string;
  idempotencyKey: string;
  requestHash: string;
  shippingMethod: ShippingMethod;
  shippingAddress: ShippingAddress;
  totals: Order["totals"];
  lines: OrderLine[];
  reservationId: string;
  reservationExpiresAt: Date;
}

/** Inserts the order, its lines, its first transition and `order.placed`; undefined if the key is taken. */
export async function insertOrder(
  db: Queryable,
  o: NewOrder,
  actor: { type: ActorType; id: string },
): Promise<OrderRecord | undefined> {
  const { rows } = await db.query(
    `INSERT INTO orders (id, number, owner_id, owner_role, email, state, idempotency_key, request_hash, shipping_method,
       shipping_address, items_total, discount_total, subtotal, shipping_fee, grand_total, reservation_id, reservation_expires_at)
     VALUES ($1, $2, $3, $4, $5, 'pending_payment', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT ON CONSTRAINT orders_owner_idempotency_key DO NOTHING RETURNING *`,
    [
      o.id,
      o.number,
      o.ownerId,
      o.ownerRole,
      o.email,
      o.idempotencyKey,
      o.requestHash,
      o.shippingMethod,
      JSON.stringify(o.shippingAddress),
      o.totals.itemsTotal,
      o.totals.discountTotal,
      o.totals.subtotal,
      o.totals.shippingFee,
      o.totals.grandTotal,
      o.reservationId,
      o.reservationExpiresAt,
    ],
  );
  if (!rows[0]) return undefined;
  const values: unknown[] = [];
  const tuples = o.lines.map((l, i) => {
    values.push(
      o.id,
      i + 1,
      l.productId,
      l.optionId,
      l.name,
      l.slug,
      l.brand,
      l.imageUrl,
      l.optionLabel,
      l.quantity,
      l.unitPrice,
      l.originalPrice,
      l.lineTotal,
    );
    const base = i * 13;
    return `(${Array.from({ length: 13 }, (_, k) => `$${base + k + 1}`).join(", ")})`;
  });
  await db.query(
    `INSERT INTO order_lines (order_id, line_no, product_id, option_id, name, slug, brand, image_url, option_label, quantity, unit_price, original_price, line_total)
     VALUES ${tuples.join(", ")}`,
    values,
  );
  const record = toRecord(rows[0]);
  await transitions.record(
    db,
    record.id,
    null,
    "pending_payment",
    actor.type,
    actor.id,
    "checkout",
  );
  await writeOrderEvent(
    db,
    {
      id: record.id,
      number: record.number,
      ownerId: record.ownerId,
      grandTotal: record.totals.grandTotal,
    },
    "pending_payment",
    null,
  );
  return record;
}

export async function findOrder(
  db: Queryable,
  id: string,
  lock: "none" | "update" | "skip" = "none",
): Promise<OrderRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const suffix =
    lock === "update" ? " FOR UPDATE" : lock === "skip" ? " FOR UPDATE SKIP LOCKED" : "";
  const { rows } = await db.query(`SELECT * FROM orders WHERE id = $1${suffix}`, [id]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function findByOwnerKey(
  db: Queryable,
  ownerId: string,
  key: string,
): Promise<OrderRecord | undefined> {
  const { rows } = await db.query(
    "SELECT * FROM orders WHERE owner_id = $1 AND idempotency_key = $2",
    [ownerId, key],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function listOrders(
  db: Queryable,
  filter: { ownerId?: string; state?: OrderState },
  page: { page: number; limit: number },
): Promise<{ items: OrderRecord[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.ownerId) where.push(`owner_id = $${params.push(filter.ownerId)}`);
  if (filter.state) where.push(`state = $${params.push(filter.state)}`);
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const [{ rows }, count] = await Promise.all([
    db.query(
      `SELECT * FROM orders ${clause} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, (page.page - 1) * page.limit],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders ${clause}`, params),
  ]);
  return { items: rows.map(toRecord), total: count.rows[0]?.n ?? 0 };
}

export async function linesOf(
  db: Queryable,
  orderIds: string[],
): Promise<Map<string, OrderLine[]>> {
  const map = new Map<string, OrderLine[]>(orderIds.map((id) => [id, []]));
  if (!orderIds.length) return map;
  const { rows } = await db.query(
    "SELECT * FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, line_no",
    [orderIds],
  );
  for (const r of rows) {
    map.get(r.order_id)?.push({
      productId: r.product_id,
      optionId: r.option_id,
      name: r.name,
      slug: r.slug,
      brand: r.brand,
      imageUrl: r.image_url,
      optionLabel: r.option_label,
      quantity: r.quantity,
      unitPrice: r.unit_price,
      originalPrice: r.original_price,
      lineTotal: r.line_total,
    });
  }
  return map;
}

export interface OrderPatch {
  state?: OrderState;
  paymentId?: string;
  paymentStatus?: PaymentStatus;
  cardBrand?: string | null;
  cardLast4?: string | null;
  checkoutStatus?: CheckoutStatus;
  checkoutProblem?: StoredProblem;
}

export async function patchOrder(db: Queryable, id: string, p: OrderPatch): Promise<OrderRecord> {
  const { rows } = await db.query(
    `UPDATE orders SET state = COALESCE($2, state), payment_id = COALESCE($3, payment_id), payment_status = COALESCE($4, payment_status),
       card_brand = COALESCE($5, card_brand), card_last4 = COALESCE($6, card_last4), checkout_status = COALESCE($7, checkout_status),
       checkout_problem = COALESCE($8, checkout_problem), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      id,
      p.state ?? null,
      p.paymentId ?? null,
      p.paymentStatus ?? null,
      p.cardBrand ?? null,
      p.cardLast4 ?? null,
      p.checkoutStatus ?? null,
      p.checkoutProblem ? JSON.stringify(p.checkoutProblem) : null,
    ],
  );
  if (!rows[0]) throw new Error(`order ${id} vanished`);
  return toRecord(rows[0]);
}

/** The API view of an order. */
export function toOrder(
  record: OrderRecord,
  lines: OrderLine[],
  transitions?: Order["transitions"],
): Order {
  return {
    id: record.id,
    number: record.number,
    state: record.state,
    email: record.email,
    lines,
    totals: record.totals,
    shippingMethod: record.shippingMethod,
    shippingAddress: record.shippingAddress,
    payment: {
      id: record.paymentId,
      method: "card",
      status: record.paymentStatus,
      brand: record.cardBrand,
      last4: record.cardLast4,
    },
    cancellable: ownerCanCancel(record.state) && record.checkoutStatus !== "running",
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    ...(transitions ? { transitions } : {}),
  };
}

/** How many orders are in each state, for the metrics. */
export async function countByState(
  db: Queryable,
): Promise<Array<{ state: string; count: number }>> {
  const { rows } = await db.query<{ state: string; count: number }>(
    "SELECT state, count(*)::int AS count FROM orders GROUP BY state",
  );
  return rows;
}
