/**
 * The guest a merge names: its access token proves which guest cart belongs to this browser. The
 * caller themself is admitted by the platform's access hook; this check is the cart's own.
 */
import {
  AppError,
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  fieldError,
  type Identity,
  type TokenVerifier,
} from "@shop/platform";

export interface GuestTokenOptions {
  jwksUrl: string;
  /** Accepted age of an expired guest token at merge (seconds). */
  guestGraceSeconds: number;
}

export interface GuestTokenCheck {
  /** The guest a merge names; every failure is a 400 on `guestToken`, never the caller's 401. */
  guest(token: string): Promise<Identity>;
}

export function createGuestTokenCheck(options: GuestTokenOptions): GuestTokenCheck {
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
