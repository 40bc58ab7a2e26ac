/**
 * The sandbox processor's books in PostgreSQL (tables of migration 002): charges, and the answer
 * given per idempotency key. A change to a charge runs under its row lock, so a capture and a void
 * racing on one charge are applied one after the other, as a real processor would.
 */
import { AppError } from "@shop/platform";
import type pg from "pg";
import { tx, type Db } from "../../db.js";
import type { ProviderResult } from "../provider.js";

export interface Charge {
  ref: string;
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
  status: ProviderResult["status"];
  captured: number;
  refunded: number;
}

interface ChargeRow {
  ref: string;
  payment_id: string;
  order_id: string;
  amount: number;
  currency: string;
  status: ProviderResult["status"];
  captured: number;
  refunded: number;
}

const fromRow = (r: ChargeRow): Charge => ({
  ref: r.ref,
  paymentId: r.payment_id,
  orderId: r.order_id,
  amount: r.amount,
  currency: r.currency,
  status: r.status,
  captured: r.captured,
  refunded: r.refunded,
});

export class SandboxLedger {
  constructor(private readonly db: Db) {}

  async open(charge: Charge): Promise<void> {
    await this.db.query(
      `INSERT INTO sandbox_charges (ref, payment_id, order_id, amount, currency, status, captured, refunded)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        charge.ref,
        charge.paymentId,
        charge.orderId,
        charge.amount,
        charge.currency,
        charge.status,
        charge.captured,
        charge.refunded,
      ],
    );
  }

  /**
   * Loads the charge under its row lock, lets `change` edit it (or throw to refuse), stores it.
   * Answers what `change` returned and the charge as stored.
   */
  async update<T>(
    ref: string,
    change: (charge: Charge) => T,
  ): Promise<{ value: T; charge: Charge }> {
    return tx(this.db, async (client) => {
      const charge = await find(client, ref);
      const value = change(charge);
      await client.query(
        `UPDATE sandbox_charges SET status = $2, captured = $3, refunded = $4, updated_at = now() WHERE ref = $1`,
        [ref, charge.status, charge.captured, charge.refunded],
      );
      return { value, charge };
    });
  }

  async forPayment(paymentId: string): Promise<Charge | undefined> {
    const { rows } = await this.db.query<ChargeRow>(
      "SELECT * FROM sandbox_charges WHERE payment_id = $1",
      [paymentId],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** The answer already given for `key`, if any. */
  async answered(key: string): Promise<ProviderResult | undefined> {
    const { rows } = await this.db.query<{ result: ProviderResult }>(
      "SELECT result FROM sandbox_results WHERE idempotency_key = $1",
      [key],
    );
    return rows[0]?.result;
  }

  async remember(key: string, result: ProviderResult): Promise<void> {
    await this.db.query(
      "INSERT INTO sandbox_results (idempotency_key, result) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      [key, JSON.stringify(result)],
    );
  }
}

async function find(client: pg.PoolClient, ref: string): Promise<Charge> {
  const { rows } = await client.query<ChargeRow>(
    "SELECT * FROM sandbox_charges WHERE ref = $1 FOR UPDATE",
    [ref],
  );
  if (!rows[0]) throw new AppError("PAYMENT_NOT_FOUND", `The provider has no charge ${ref}`);
  return fromRow(rows[0]);
}
