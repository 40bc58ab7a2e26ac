/**
 * Delivers queued payment events to the order service's intake with retries and backoff
 * (1 s doubling up to 5 min). Several instances can run: rows are claimed with SKIP LOCKED.
 */
import type { Logger, ServiceClient } from "@shop/platform";
import { tx, type Db } from "../db.js";
import { claimDue, markDelivered, markFailed } from "./forward.store.js";

export interface ForwarderOptions {
  db: Db;
  order: ServiceClient;
  logger: Logger;
  pollMs: number;
}

export class OrderForwarder {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly options: ForwarderOptions) {}

  start(): void {
    this.timer = setInterval(() => this.nudge(), this.options.pollMs);
    this.timer.unref();
    this.nudge();
  }

  /** Runs a delivery pass now (or right after the current one). */
  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) =>
        this.options.logger.warn({ err: error }, "payment event forwarding pass failed"),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Delivers everything due; resolves when a pass finds nothing left. */
  async drain(): Promise<void> {
    while (!this.closed) {
      const delivered = await tx(this.options.db, async (client) => {
        const due = await claimDue(client, 20);
        for (const event of due) {
          if (this.closed) break;
          try {
            await this.options.order.post("/internal/payments/events", event.payload);
            await markDelivered(client, event.id);
          } catch (error) {
            const delay = Math.min(1000 * 2 ** event.attempts, 300_000);
            await markFailed(
              client,
              event.id,
              delay,
              error instanceof Error ? error.message : String(error),
            );
            this.options.logger.warn(
              { eventId: event.payload.eventId, attempts: event.attempts + 1, retryInMs: delay },
              "payment event not delivered to order; will retry",
            );
          }
        }
        return due.length;
      });
      if (delivered === 0) return;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.running;
  }
}
