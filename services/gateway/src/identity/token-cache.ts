/** A bounded LRU of already-verified access tokens, each kept only until the token expires. */
import type { Identity } from "@shop/platform";

export class TokenCache {
  private readonly entries = new Map<string, { identity: Identity; validUntilMs: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly skewMs = 5_000,
  ) {}

  get(token: string, nowMs = Date.now()): Identity | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.validUntilMs <= nowMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.identity;
  }

  set(token: string, identity: Identity): void {
    if (this.maxEntries === 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Map iteration order is insertion order: the first key is the least recently added.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { identity, validUntilMs: identity.exp * 1000 + this.skewMs });
  }

  get size(): number {
    return this.entries.size;
  }
}
