/** SQL for payments and their idempotent operations. */
import type { Payment, PaymentRecordStatus } from "@shop/contracts";
import type { Queryable } from "../db.js";

interface PaymentRow {
  id: string;
  order_id: string;
  provider: string;
  provider_ref: string | null;
  amount: number;
  captured_amount: number;
  refunded_amount: number;
  currency: string;
  status: PaymentRecordStatus;
  in_flight: boolean;
  card_brand: string | null;
  card_last4: string | null;
  failure_code: string | null;
  failure_message: string | null;
  idempotency_key: string;
  request_hash: string;
  created_at: Date;
  updated_at: Date;
}

export interface StoredPayment extends Payment {
  inFlight: boolean;
  requestHash: string;
}

export function toPayment(row: PaymentRow): StoredPayment {
  return {
    id: row.id,
    orderId: row.order_id,
    provider: row.provider,
    providerRef: row.provider_ref,
    amount: row.amount,
    capturedAmount: row.captured_amount,
    refundedAmount: row.refunded_amount,
    currency: row.currency,
    status: row.status,
    cardBrand: row.card_brand,
    cardLast4: row.card_last4,
    failureCode: row.failure_code,
    failureMessage: row.failure_message,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    inFlight: row.in_flight,
    requestHash: row.request_hash,
  };
}

/** The public view: without internal bookkeeping. */
export function publicPayment(payment: StoredPayment): Payment {
  const { inFlight: _inFlight, requestHash: _requestHash, ...rest } = payment;
  return rest;
}

export interface NewPayment {
  id: string;
  orderId: string;
  provider: string;
  amount: number;
  currency: string;
  cardBrand: string;
  cardLast4: string;
  idempotencyKey: string;
  requestHash: string;
}

/** Inserts a pending, in-flight payment; undefined when the idempotency key is already taken. */
export async function insertPayment(
  db: Queryable,
  p: NewPayment,
): Promise<StoredPayment | undefined> {
  const { rows } = await db.query<PaymentRow>(
    `INSERT INTO payments (id, order_id, provider, amount, currency, status, card_brand, card_last4, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
    [
      p.id,
      p.orderId,
      p.provider,
      p.amount,
      p.currency,
      p.cardBrand,
      p.cardLast4,
      p.idempotencyKey,
      p.requestHash,
    ],
  );
  return rows[0] ? toPayment(rows[0]) : undefined;
}

export async function findByKey(db: Queryable, key: string): Promise<StoredPayment | undefined> {
  const { rows } = await db.query<PaymentRow>("SELECT * FROM payments WHERE idempotency_key = $1", [
    key,
  ]);
  return rows[0] ? toPayment(rows[0]) : undefined;
}

export async function findPayment(
  db: Queryable,
  id: string,
  lock = false,
): Promise<StoredPayment | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await db.query<PaymentRow>(
    `SELECT * FROM payments WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
    [id],
  );
  return rows[0] ? toPayment(rows[0]) : undefined;
}

export async function findByProviderRef(
  db: Queryable,
  provider: string,
  ref: string,
  lock = false,
): Promise<StoredPayment | undefined> {
  const { rows } = await db.query<PaymentRow>(
    `SELECT * FROM payments WHERE provider = $1 AND provider_ref = $2${lock ? " FOR UPDATE" : ""}`,
    [provider, ref],
  );
  return rows[0] ? toPayment(rows[0]) : undefined;
}

export async function listByOrder(db: Queryable, orderId: string): Promise<StoredPayment[]> {
  const { rows } = await db.query<PaymentRow>(
    "SELECT * FROM payments WHERE order_id = $1 ORDER BY created_at",
    [orderId],
  );
  return rows.map(toPayment);
}

export interface PaymentUpdate {
  status?: PaymentRecordStatus;
  providerRef?: string | null;
  capturedAmount?: number;
  refundedAmount?: number;
  failureCode?: string | null;
  failureMessage?: string | null;
  inFlight?: boolean;
}

export async function updatePayment(
  db: Queryable,
  id: string,
  u: PaymentUpdate,
): Promise<StoredPayment> {
  const { rows } = await db.query<PaymentRow>(
    `UPDATE payments SET
       status = COALESCE($2, status),
       provider_ref = COALESCE($3, provider_ref),
       captured_amount = COALESCE($4, captured_amount),
       refunded_amount = COALESCE($5, refunded_amount),
       failure_code = COALESCE($6, failure_code),
       failure_message = COALESCE($7, failure_message),
       in_flight = COALESCE($8, in_flight),
       updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      id,
      u.status ?? null,
      u.providerRef ?? null,
      u.capturedAmount ?? null,
      u.refundedAmount ?? null,
      u.failureCode ?? null,
      u.failureMessage ?? null,
      u.inFlight ?? null,
    ],
  );
  if (!rows[0]) throw new Error(`payment ${id} vanished`);
  return toPayment(rows[0]);
}

export interface StoredOperation {
  paymentId: string;
  kind: string;
  httpStatus: number;
  result: Payment;
}

export async function findOperation(
  db: Queryable,
  key: string,
): Promise<StoredOperation | undefined> {
  const { rows } = await db.query<{
    payment_id: string;
    kind: string;
    http_status: number;
    result: Payment;
  }>(
    "SELECT payment_id, kind, http_status, result FROM payment_operations WHERE idempotency_key = $1",
    [key],
  );
  const row = rows[0];
  return row
    ? { paymentId: row.payment_id, kind: row.kind, httpStatus: row.http_status, result: row.result }
    : undefined;
}

export async function insertOperation(
  db: Queryable,
  op: { key: string; paymentId: string; kind: string; amount: number | null; result: Payment },
): Promise<void> {
  await db.query(
    `INSERT INTO payment_operations (idempotency_key, payment_id, kind, amount, http_status, result) VALUES ($1, $2, $3, $4, 200, $5)`,
    [op.key, op.paymentId, op.kind, op.amount, JSON.stringify(op.result)],
  );
}
