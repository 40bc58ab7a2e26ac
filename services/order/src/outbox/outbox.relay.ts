/**
 * Publishes outbox rows to the Redis stream `${REDIS_PREFIX}order.events` and marks them sent.
 * A crash before the commit leaves rows unpublished, so a restarted relay sends them again; the
 * publish script remembers event ids for a day, so a resend after a crash between publishing
 * and marking does not reach consumers twice.
 */
import { ORDER_EVENTS_STREAM } from "@shop/contracts";
import { RelayLoop, type Logger } from "@shop/platform";
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
  private readonly loop: RelayLoop;
  private readonly stream: string;

  constructor(private readonly options: RelayOptions) {
    this.stream = options.prefix + ORDER_EVENTS_STREAM;
    this.loop = new RelayLoop({
      batch: () => this.publishBatch(),
      pollMs: options.pollMs,
      logger: options.logger,
      failureMessage: "outbox relay pass failed; will retry",
    });
  }

  start(): void {
    this.loop.start();
  }

  nudge(): void {
    this.loop.nudge();
  }

  /** Publishes until nothing is left; resolves with the number of rows handled. */
  drain(): Promise<number> {
    return this.loop.drain();
  }

  close(): Promise<void> {
    return this.loop.close();
  }

  private publishBatch(): Promise<number> {
    return tx(this.options.db, async (client) => {
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
}
