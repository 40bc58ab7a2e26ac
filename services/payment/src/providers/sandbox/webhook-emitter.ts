/**
 * Delivers the test provider's webhooks like a real provider: signed, POSTed to the configured
 * endpoint, retried with exponential backoff until a 2xx. Tests can hold deliveries and then
 * release them duplicated and in reverse order, to prove the receiver copes.
 */
import type { Logger } from "@shop/platform";
import { SIGNATURE_HEADER, sign } from "../signature.js";

export interface WebhookEnvelope {
  id: string;
  type: string;
  created: number;
  data: Record<string, unknown>;
}

export interface WebhookEmitterOptions {
  secret: string;
  target: () => string | undefined;
  logger: Logger;
  maxAttempts?: number;
  baseDelayMs?: number;
}

export class WebhookEmitter {
  private held: WebhookEnvelope[] | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  /** Every delivery attempt's outcome, newest last (tests read it). */
  readonly attempts: Array<{ id: string; status: number | "error" }> = [];

  constructor(private readonly options: WebhookEmitterOptions) {}

  emit(event: WebhookEnvelope): void {
    if (this.held) this.held.push(event);
    else this.track(this.deliver(event));
  }

  /** Keeps events back until {@link release}. */
  hold(): void {
    this.held ??= [];
  }

  /** Sends the held events, optionally in reverse order and each one twice. */
  release(options: { reverse?: boolean; duplicate?: boolean } = {}): void {
    const events = this.held ?? [];
    this.held = undefined;
    const ordered = options.reverse ? [...events].reverse() : events;
    for (const event of ordered) {
      this.track(this.deliver(event));
      if (options.duplicate) this.track(this.deliver(event));
    }
  }

  /** Resolves when every delivery started so far has been acknowledged or given up. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
  }

  private track(delivery: Promise<void>): void {
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  private async deliver(event: WebhookEnvelope): Promise<void> {
    const { maxAttempts = 8, baseDelayMs = 250 } = this.options;
    const body = JSON.stringify(event);
    for (let attempt = 1; attempt <= maxAttempts && !this.closed; attempt++) {
      const target = this.options.target();
      if (target) {
        try {
          const res = await fetch(target, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              [SIGNATURE_HEADER]: sign(this.options.secret, body),
            },
            body,
            signal: AbortSignal.timeout(5_000),
          });
          await res.arrayBuffer();
          this.attempts.push({ id: event.id, status: res.status });
          if (res.status < 300) return;
        } catch {
          this.attempts.push({ id: event.id, status: "error" });
        }
      }
      await sleep(Math.min(baseDelayMs * 2 ** (attempt - 1), 30_000));
    }
    if (!this.closed)
      this.options.logger.error(
        { eventId: event.id, type: event.type },
        "webhook delivery gave up",
      );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
