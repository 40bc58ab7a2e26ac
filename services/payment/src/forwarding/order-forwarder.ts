/**
 * Delivers queued payment events to the order service's intake with retries and backoff
 * (1 s doubling up to 5 min). Several instances can run: rows are claimed with SKIP LOCKED.
 */
import { AppError, RelayLoop, type Logger } from "@shop/platform";
import type { OrderClient } from "../clients/order.client.js";
import { tx, type Db } from "../db.js";
import { claimDue, markDelivered, markFailed } from "./forward.store.js";

export interface ForwarderOptions {
  db: Db;
  order: OrderClient;
  logger: Logger;
  pollMs: number;
}

export class OrderForwarder {
  private readonly loop: RelayLoop;

  constructor(private readonly options: ForwarderOptions) {
    this.loop = new RelayLoop({
      batch: () => this.deliverBatch(),
      pollMs: options.pollMs,
      logger: options.logger,
      failureMessage: "payment event forwarding pass failed",
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Runs a delivery pass now (or right after the current one). */
  nudge(): void {
    this.loop.nudge();
  }

  /** Delivers everything due; resolves when a pass finds nothing left. */
  async drain(): Promise<void> {
    await this.loop.drain();
  }

  close(): Promise<void> {
    return this.loop.close();
  }

  private deliverBatch(): Promise<number> {
    return tx(this.options.db, async (client) => {
      const due = await claimDue(client, 20);
      for (const event of due) {
        if (this.loop.closed) break;
        try {
          await this.options.order.deliverPaymentEvent(event.payload);
          await markDelivered(client, event.id);
        } catch (error) {
          // 409: the order's checkout is still running and asks for the event again shortly.
          const busy = error instanceof AppError && error.status === 409;
          const delay = busy
            ? Math.min(250 * (event.attempts + 1), 5_000)
            : Math.min(1000 * 2 ** event.attempts, 300_000);
          await markFailed(
            client,
            event.id,
            delay,
            error instanceof Error ? error.message : String(error),
          );
          const details = {
            eventId: event.payload.eventId,
            attempts: event.attempts + 1,
            retryInMs: delay,
          };
          if (busy)
            this.options.logger.debug(
              details,
              "order busy with its checkout; delivering again shortly",
            );
          else
            this.options.logger.warn(details, "payment event not delivered to order; will retry");
        }
      }
      return due.length;
    });
  }
}
