/** Access tokens: EdDSA JWTs with `kid`, issuer `shop-auth`, audience `shop-api`, ≤ 15 minutes. */
import {
  AppError,
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  type RevocationCheck,
  type Role,
  type TokenVerifier,
} from "@shop/platform";
import { compactVerify, createLocalJWKSet, SignJWT } from "jose";
import { randomUUID } from "node:crypto";
import type { KeyStore } from "../keys/keys.js";

export interface AccessClaims {
  sub: string;
  role: Role;
  sid: string;
  name?: string | undefined;
}

export interface AccessTokens {
  issue(claims: AccessClaims): Promise<string>;
  readonly ttlSec: number;
  /** Full verification (signature, iss, aud, exp, revocation), as every other service does it. */
  verifier: TokenVerifier;
  /**
   * The session id of a token this service signed, even if it has expired: logging out with a
   * stale access token must still end the session. Throws AUTH_TOKEN_INVALID otherwise.
   */
  sessionOf(token: string): Promise<string>;
}

export function createAccessTokens(
  keys: KeyStore,
  ttlSec: number,
  revocations: RevocationCheck,
): AccessTokens {
  const localKeys = createLocalJWKSet(keys.jwks);
  const verifier = createTokenVerifier({
    keys: localKeys,
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    revocations,
  });

  return {
    ttlSec,
    verifier,
    async issue(claims) {
      let now = Math.floor(Date.now() / 1000);
      // A subject revocation covers tokens issued up to its second (iat ≤ at): a token minted in
      // that same second, e.g. a refresh right after a role change, would be born revoked.
      const probe = {
        sub: claims.sub,
        role: claims.role,
        sid: randomUUID(),
        jti: "",
        iat: now,
        exp: now + ttlSec,
      };
      if (await revocations.isRevoked(probe)) {
        await new Promise((resolve) => setTimeout(resolve, (now + 1) * 1000 - Date.now() + 5));
        now += 1;
      }
      return new SignJWT({
        role: claims.role,
        sid: claims.sid,
        ...(claims.name ? { name: claims.name } : {}),
      })
        .setProtectedHeader({ alg: "EdDSA", kid: keys.signing.kid, typ: "JWT" })
        .setIssuer(DEFAULT_ISSUER)
        .setAudience(DEFAULT_AUDIENCE)
        .setSubject(claims.sub)
        .setJti(randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSec)
        .sign(keys.signing.privateKey);
    },
    async sessionOf(token) {
      try {
        const { payload } = await compactVerify(token, localKeys, { algorithms: ["EdDSA"] });
        const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
        const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
        if (
          claims.iss === DEFAULT_ISSUER &&
          audience.includes(DEFAULT_AUDIENCE) &&
          typeof claims.sid === "string"
        ) {
          return claims.sid;
        }
      } catch {
        // fall through: any failure is the same answer
      }
      throw new AppError("AUTH_TOKEN_INVALID", "The access token is not valid", {
        headers: { "www-authenticate": 'Bearer error="invalid_token"' },
      });
    },
  };
}
