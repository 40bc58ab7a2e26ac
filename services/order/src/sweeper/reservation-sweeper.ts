/**
 * Cancels unpaid orders whose stock reservation has run out (a payment that never completed), and
 * checkouts still marked running long after any live checkout would have answered (the process
 * running it died), returning any held money and the stock. An interrupted checkout is recorded as
 * a "try again" failure, so the shopper's retry with the same key starts afresh.
 */
import type { Logger } from "@shop/platform";
import type { Db } from "../db.js";
import { SYSTEM, type OrdersService } from "../orders/orders.service.js";
import * as attempts from "../orders/checkout-attempts.store.js";
import * as store from "../orders/orders.store.js";

export class ReservationSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly deps: {
      db: Db;
      orders: OrdersService;
      logger: Logger;
      intervalMs: number;
      /** A checkout running longer than this is taken for dead (every step has a timeout). */
      staleAfterSeconds: number;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      // A pass that cannot reach the database is simply tried again next time.
      this.sweep().catch((error: unknown) =>
        this.deps.logger.warn({ err: error }, "sweep failed; will retry"),
      );
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  /** One pass; resolves with the number of orders cancelled. */
  sweep(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    return (await this.interrupted()) + (await this.expired());
  }

  private async interrupted(): Promise<number> {
    const ids = await attempts.staleCheckouts(this.deps.db, this.deps.staleAfterSeconds);
    return this.each(ids, "interrupted checkouts undone", async (id) => {
      const order = await store.findOrder(this.deps.db, id);
      if (order?.state === "pending_payment")
        await this.deps.orders.transition(id, "cancelled", SYSTEM, "the checkout was interrupted");
      await store.patchOrder(this.deps.db, id, {
        checkoutStatus: "failed",
        checkoutProblem: {
          code: "CHECKOUT_INTERRUPTED",
          detail:
            "The checkout was interrupted; the order was cancelled and nothing was charged. Try again.",
        },
      });
    });
  }

  private async expired(): Promise<number> {
    const { rows } = await this.deps.db.query<{ id: string; checkout_status: string }>(
      `SELECT id, checkout_status FROM orders WHERE state = 'pending_payment' AND reservation_expires_at < now()
       ORDER BY reservation_expires_at LIMIT 100`,
    );
    const completed = new Set(
      rows.filter((r) => r.checkout_status === "completed").map((r) => r.id),
    );
    return this.each(
      rows.map((r) => r.id),
      "expired unpaid orders cancelled",
      async (id) => {
        await this.deps.orders.transition(
          id,
          "cancelled",
          SYSTEM,
          "payment not completed before the reservation expired",
        );
        if (completed.has(id)) return;
        await store.patchOrder(this.deps.db, id, {
          checkoutStatus: "failed",
          checkoutProblem: {
            code: "UPSTREAM_TIMEOUT",
            detail:
              "The payment did not complete in time; the order was cancelled and nothing was charged.",
          },
        });
      },
    );
  }

  /** Undoes each order in turn; one that cannot be undone yet is tried again on the next pass. */
  private async each(ids: string[], done: string, undo: (id: string) => Promise<void>) {
    let cancelled = 0;
    for (const id of ids) {
      try {
        await undo(id);
        cancelled++;
      } catch (error) {
        this.deps.logger.warn({ err: error, orderId: id }, `${done}: this one not yet; will retry`);
      }
    }
    if (cancelled) this.deps.logger.info({ cancelled }, done);
    return cancelled;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
