/** Bounded memories of verified access tokens (until they expire) and of tokens that can never pass. */
import { AppError, type Identity } from "@shop/platform";
import { errors as joseErrors } from "jose";

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

/**
 * Verdicts on tokens that can never become valid (expired, bad signature, bad claims), kept a
 * minute so a client retrying one does not cost a signature check per request. An unknown key id
 * is not remembered: it may be a new key the JWKS has not been refetched for yet.
 */
export class RejectedTokens {
  private readonly verdicts = new Map<string, { error: AppError; until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly keepMs = 60_000,
  ) {}

  get(authorization: string): AppError | undefined {
    const verdict = this.verdicts.get(authorization);
    if (!verdict) return undefined;
    if (verdict.until > Date.now()) return verdict.error;
    this.verdicts.delete(authorization);
    return undefined;
  }

  remember(authorization: string, error: unknown): void {
    if (!isFinal(error)) return;
    if (this.verdicts.size >= this.maxEntries) this.verdicts.clear();
    this.verdicts.set(authorization, { error, until: Date.now() + this.keepMs });
  }
}

function isFinal(error: unknown): error is AppError {
  if (!(error instanceof AppError)) return false;
  if (error.code === "AUTH_TOKEN_EXPIRED") return true;
  const cause = (error as { cause?: unknown }).cause;
  return (
    error.code === "AUTH_TOKEN_INVALID" &&
    (cause instanceof joseErrors.JWSSignatureVerificationFailed ||
      cause instanceof joseErrors.JWTClaimValidationFailed)
  );
}
