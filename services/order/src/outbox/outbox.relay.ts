/**
 * Publishes outbox rows to the Redis stream `${REDIS_PREFIX}order.events` and marks them sent.
 * A crash before the commit leaves rows unpublished, so a restarted relay sends them again; the
 * publish script remembers event ids for a day, so a resend after a crash between publishing
 * and marking does not reach consumers twice.
 */
import { ORDER_EVENTS_STREAM } from "@shop/contracts";
import type { Logger } from "@shop/platform";
import type { Redis } from "ioredis";
import { tx, type Db } from "../db.js";
import { claimUnpublished, markPublished, type OutboxRow } from "./outbox.store.js";

const PUBLISH_ONCE = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then
  return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*', 'type', ARGV[2], 'event', ARGV[1])
end
return false`;

export interface RelayHooks {
  /** Test seams around the publish of one row (a crash is simulated by never returning). */
  beforePublish?: (row: OutboxRow) => Promise<void>;
  afterPublish?: (row: OutboxRow) => Promise<void>;
}

export interface RelayOptions {
  db: Db;
  redis: Redis;
  prefix: string;
  logger: Logger;
  pollMs: number;
  batch?: number;
  hooks?: RelayHooks;
}

export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private readonly stream: string;

  constructor(private readonly options: RelayOptions) {
    this.stream = options.prefix + ORDER_EVENTS_STREAM;
  }

  start(): void {
    this.timer = setInterval(() => this.nudge(), this.options.pollMs);
    this.timer.unref();
    this.nudge();
  }

  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error) =>
        this.options.logger.warn({ err: error }, "outbox relay pass failed; will retry"),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Publishes until nothing is left; resolves with the number of rows handled. */
  async drain(): Promise<number> {
    let total = 0;
    while (!this.closed) {
      const handled = await tx(this.options.db, async (client) => {
        const rows = await claimUnpublished(client, this.options.batch ?? 100);
        for (const row of rows) {
          await this.options.hooks?.beforePublish?.(row);
          await this.publish(row);
          await this.options.hooks?.afterPublish?.(row);
        }
        await markPublished(
          client,
          rows.map((r) => r.id),
        );
        return rows.length;
      });
      total += handled;
      if (handled === 0) break;
    }
    return total;
  }

  private async publish(row: OutboxRow): Promise<void> {
    const seenKey = `${this.stream}:sent:${row.event_id}`;
    await this.options.redis.eval(
      PUBLISH_ONCE,
      2,
      seenKey,
      this.stream,
      JSON.stringify(row.payload),
      row.type,
      86_400,
      100_000,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.running;
  }
}
