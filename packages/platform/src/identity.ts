/**
 * Access-token verification shared by the gateway and every service that authorises:
 * local JWT checks against the auth service's cached JWKS plus an in-process revocation list.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "./errors/app-error.js";
import { countTokenVerification } from "./signals.js";

export type Role = "guest" | "customer" | "admin";
export const ROLES: readonly Role[] = ["guest", "customer", "admin"];

/** The verified caller of a request. */
export interface Identity {
  /** Member id, or the guest id for guests. */
  sub: string;
  role: Role;
  /** Session id (revocation unit). */
  sid: string;
  jti: string;
  /** Expiry, epoch seconds. */
  exp: number;
  /** Issued at, epoch seconds. */
  iat: number;
  /** Display name (OIDC `name` claim), when the token carries one. */
  name?: string;
}

/** Anything that can tell whether a verified token's session or subject has been revoked. */
export interface RevocationCheck {
  isRevoked(identity: Identity): boolean | Promise<boolean>;
}

export interface TokenVerifierOptions {
  /** The auth service's JWKS URL, e.g. `http://127.0.0.1:4000/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** Alternatively, a key resolver (tests, or a local JWKS). */
  keys?: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Accepted signature algorithms (pinned; default EdDSA only). */
  algorithms?: string[];
  /** Allowed clock skew in seconds (default 5). */
  clockToleranceSec?: number;
  revocations?: RevocationCheck;
}

export interface TokenVerifier {
  /** Verifies a compact JWT; throws AUTH_TOKEN_INVALID / AUTH_TOKEN_EXPIRED / AUTH_SESSION_REVOKED. */
  verify(token: string): Promise<Identity>;
}

export const DEFAULT_ISSUER = "shop-auth";
export const DEFAULT_AUDIENCE = "shop-api";

/**
 * Creates a verifier. The remote JWKS is cached and refetched on an unknown `kid`, at most once
 * every 30 s (jose's cooldown), so no call reaches the auth service per request.
 *
 * @example
 * const verifier = createTokenVerifier({ jwksUrl: `${config.AUTH_URL}/.well-known/jwks.json`, issuer, audience });
 * const identity = await verifier.verify(bearerToken(req.headers.authorization));
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys =
    options.keys ??
    createRemoteJWKSet(new URL(requireValue(options.jwksUrl, "jwksUrl")), {
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
      timeoutDuration: 2_000,
    });
  const algorithms = options.algorithms ?? ["EdDSA"];

  return {
    async verify(token: string): Promise<Identity> {
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          clockTolerance: options.clockToleranceSec ?? 5,
          requiredClaims: ["sub", "sid", "jti", "exp", "iat"],
        }));
      } catch (error) {
        const mapped = mapJoseError(error);
        if (mapped.status < 500)
          countTokenVerification(mapped.code === "AUTH_TOKEN_EXPIRED" ? "expired" : "invalid");
        throw mapped;
      }
      const identity = toIdentity(payload);
      if (options.revocations && (await options.revocations.isRevoked(identity))) {
        countTokenVerification("revoked");
        throw new AppError("AUTH_SESSION_REVOKED", "This session has been signed out", {
          headers: {
            "www-authenticate": 'Bearer error="invalid_token", error_description="session revoked"',
          },
        });
      }
      countTokenVerification("ok");
      return identity;
    },
  };
}

function toIdentity(payload: Record<string, unknown>): Identity {
  const role = payload.role;
  if (typeof role !== "string" || !ROLES.includes(role as Role)) {
    throw invalidToken("The token carries no valid role");
  }
  return {
    sub: String(payload.sub),
    role: role as Role,
    sid: String(payload.sid),
    jti: String(payload.jti),
    exp: Number(payload.exp),
    iat: Number(payload.iat),
    ...(typeof payload.name === "string" ? { name: payload.name } : {}),
  };
}

function mapJoseError(error: unknown): AppError {
  if (error instanceof joseErrors.JWTExpired) {
    return new AppError("AUTH_TOKEN_EXPIRED", "The access token has expired", {
      headers: {
        "www-authenticate": 'Bearer error="invalid_token", error_description="token expired"',
      },
    });
  }
  if (
    error instanceof joseErrors.JWKSTimeout ||
    (error instanceof Error &&
      /fetch|ECONNREFUSED/i.test(error.message) &&
      !(error instanceof joseErrors.JOSEError))
  ) {
    return new AppError(
      "DEPENDENCY_UNAVAILABLE",
      "Signing keys are unavailable; try again shortly",
      { cause: error },
    );
  }
  return invalidToken("The access token is not valid", error);
}

function invalidToken(detail: string, cause?: unknown): AppError {
  return new AppError("AUTH_TOKEN_INVALID", detail, {
    cause,
    headers: { "www-authenticate": 'Bearer error="invalid_token"' },
  });
}

/** Extracts the token from an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | string[] | null | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(value.trim());
  return match?.[1];
}

/**
 * Requires one of `roles`. Throws AUTH_REQUIRED without an identity and FORBIDDEN for the wrong role.
 * Roles are ordered guest < customer < admin only where the caller lists them.
 */
export function requireRole(identity: Identity | undefined, ...roles: Role[]): Identity {
  if (!identity) {
    throw new AppError("AUTH_REQUIRED", "Sign in to continue", {
      headers: { "www-authenticate": "Bearer" },
    });
  }
  if (!roles.includes(identity.role)) {
    throw new AppError("FORBIDDEN", `This action needs the ${roles.join(" or ")} role`);
  }
  return identity;
}

/** True when `identity` may act on data owned by `ownerId` (the owner themself, or an admin). */
export function canActFor(identity: Identity, ownerId: string): boolean {
  return identity.role === "admin" || (identity.role !== "guest" && identity.sub === ownerId);
}

/** Constant-time string comparison for keys and secrets. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** Header carrying the internal service key on routes the gateway never exposes (`/internal/*`). */
export const INTERNAL_KEY_HEADER = "x-internal-key";

function requireValue(value: string | undefined, name: string): string {
  if (!value) throw new Error(`createTokenVerifier: ${name} is required`);
  return value;
}
