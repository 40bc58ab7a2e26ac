/**
 * Who is asking: the caller's own Bearer token (verified locally against auth's JWKS, revocations
 * honoured), and, for merge, the guest token that proves which guest cart is theirs.
 */
import {
  AppError,
  bearerToken,
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  fieldError,
  type Identity,
  type RevocationCheck,
  type TokenVerifier,
} from "@shop/platform";

export interface IdentityOptions {
  jwksUrl: string;
  revocations: RevocationCheck;
  /** Accepted age of an expired guest token at merge (seconds). */
  guestGraceSeconds: number;
}

export interface Identities {
  /** The caller, from `Authorization: Bearer`; throws 401 problems. */
  caller(authorization: string | undefined): Promise<Identity>;
  /** The guest a merge names; every failure is a 400 on `guestToken`, never the caller's 401. */
  guest(token: string): Promise<Identity>;
}

export function createIdentities(options: IdentityOptions): Identities {
  const callers: TokenVerifier = createTokenVerifier({
    jwksUrl: options.jwksUrl,
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    revocations: options.revocations,
  });
  // The storefront merges right after login with the guest cookie's token, which may have
  // expired meanwhile; its signature still proves the cart is this browser's. Revocation is not
  // checked: auth may end the guest session at login, before the merge runs.
  const guests: TokenVerifier = createTokenVerifier({
    jwksUrl: options.jwksUrl,
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    clockToleranceSec: options.guestGraceSeconds,
  });

  return {
    async caller(authorization) {
      const token = bearerToken(authorization);
      if (!token) {
        throw new AppError("AUTH_REQUIRED", "Send your access token as Authorization: Bearer", {
          headers: { "www-authenticate": "Bearer" },
        });
      }
      return callers.verify(token);
    },
    async guest(token) {
      let identity: Identity;
      try {
        identity = await guests.verify(token);
      } catch (error) {
        if (error instanceof AppError && error.code === "DEPENDENCY_UNAVAILABLE") throw error;
        const expired = error instanceof AppError && error.code === "AUTH_TOKEN_EXPIRED";
        throw fieldError(
          "guestToken",
          expired ? "has expired too long ago to merge" : "is not a valid guest token",
        );
      }
      if (identity.role !== "guest") throw fieldError("guestToken", "must be a guest token");
      return identity;
    },
  };
}
