/**
 * Access-token refresh, once per session even under parallel requests: callers presenting the
 * same refresh token share one call to auth (keyed by the token's hash), and the outcome is kept
 * for a few seconds so requests the browser sent before it saw the new cookies reuse it instead
 * of presenting the rotated token again (which auth would treat as reuse).
 */
import { createHash } from "node:crypto";
import type { AuthClient, Caller, TokenOutcome } from "../clients/auth.client.js";
import { SingleFlight } from "../html-cache/single-flight.js";

export class Refresher {
  private readonly flights = new SingleFlight<TokenOutcome>();
  private readonly recent = new Map<string, { outcome: TokenOutcome; until: number }>();
  /** Calls made to auth (for tests and metrics). */
  calls = 0;

  constructor(
    private readonly auth: AuthClient,
    private readonly rememberMs = 10_000,
  ) {}

  refresh(refreshToken: string, caller: Caller): Promise<TokenOutcome> {
    const key = createHash("sha256").update(refreshToken).digest("base64url");
    const now = Date.now();
    const remembered = this.recent.get(key);
    if (remembered && remembered.until > now) return Promise.resolve(remembered.outcome);
    return this.flights.run(key, async () => {
      this.calls += 1;
      const outcome = await this.auth.refresh(refreshToken, caller);
      if (outcome.kind !== "unavailable") this.remember(key, outcome);
      return outcome;
    }).promise;
  }

  private remember(key: string, outcome: TokenOutcome): void {
    const now = Date.now();
    if (this.recent.size >= 10_000) {
      for (const [k, v] of this.recent) if (v.until <= now) this.recent.delete(k);
      // Still full (a flood of distinct tokens): forget the oldest.
      for (const k of this.recent.keys()) {
        if (this.recent.size < 10_000) break;
        this.recent.delete(k);
      }
    }
    this.recent.set(key, { outcome, until: now + this.rememberMs });
  }
}
