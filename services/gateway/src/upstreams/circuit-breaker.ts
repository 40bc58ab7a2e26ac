/**
 * One circuit breaker per upstream: after `failures` consecutive failures the circuit opens and
 * requests are refused (503 CIRCUIT_OPEN with Retry-After) for `openForMs`; then one probe is let
 * through (half-open): its success closes the circuit, its failure opens it again.
 */
import { AppError } from "@shop/platform";

export type CircuitState = "closed" | "open" | "half-open";
export type Outcome = "success" | "failure" | "neutral";

export interface BreakerOptions {
  failures: number;
  openForMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private state: CircuitState = "closed";
  private consecutiveFailures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  private readonly now: () => number;

  constructor(
    readonly name: string,
    private readonly options: BreakerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get current(): CircuitState {
    return this.state;
  }

  /** Lets a request through or throws CIRCUIT_OPEN. Every admitted request must be settled once. */
  admit(): void {
    if (this.state === "closed") return;
    const elapsed = this.now() - this.openedAt;
    if (this.state === "open" && elapsed >= this.options.openForMs) {
      this.state = "half-open";
      this.probeInFlight = false;
    }
    if (this.state === "half-open" && !this.probeInFlight) {
      this.probeInFlight = true;
      return;
    }
    const waitMs = this.state === "open" ? this.options.openForMs - elapsed : 1_000;
    throw new AppError(
      "CIRCUIT_OPEN",
      `The ${this.name} service is failing; requests are paused briefly`,
      {
        headers: { "retry-after": String(Math.max(1, Math.ceil(waitMs / 1000))) },
        extra: { upstream: this.name },
      },
    );
  }

  settle(outcome: Outcome): void {
    if (outcome === "success") {
      this.state = "closed";
      this.consecutiveFailures = 0;
      this.probeInFlight = false;
      return;
    }
    if (outcome === "neutral") {
      if (this.state === "half-open") this.probeInFlight = false;
      return;
    }
    if (this.state === "half-open") {
      this.open();
      return;
    }
    this.consecutiveFailures++;
    if (this.state === "closed" && this.consecutiveFailures >= this.options.failures) this.open();
  }

  private open(): void {
    this.state = "open";
    this.openedAt = this.now();
    this.probeInFlight = false;
  }
}

/** Upstream answers that count as the upstream failing (its own 500s are its business). */
export function isFailureStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}
