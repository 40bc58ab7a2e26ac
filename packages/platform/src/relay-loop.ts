/**
 * The loop behind every outbox relay: run a pass on a timer and whenever nudged, never two passes
 * at once (a nudge during a pass runs one more right after), each pass repeated until a batch
 * comes back empty. What a batch does (claim rows, publish, mark) is the caller's; a failed pass
 * is logged and retried on the next tick.
 */
import type { Logger } from "./logging.js";

export interface RelayLoopOptions {
  /** Handles one batch; resolves with the number of items it handled (0 ends the pass). */
  batch: () => Promise<number>;
  pollMs: number;
  logger: Logger;
  /** Log message when a pass fails. */
  failureMessage: string;
}

export class RelayLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: RelayLoopOptions) {}

  /** True once `close` was called: a batch should stop early. */
  get closed(): boolean {
    return this.stopped;
  }

  start(): void {
    this.timer = setInterval(() => this.nudge(), this.options.pollMs);
    this.timer.unref();
    this.nudge();
  }

  /** Runs a pass now, or right after the current one. */
  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) =>
        this.options.logger.warn({ err: error }, this.options.failureMessage),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Runs batches until one handles nothing; resolves with the number of items handled. */
  async drain(): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const handled = await this.options.batch();
      total += handled;
      if (handled === 0) break;
    }
    return total;
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}
