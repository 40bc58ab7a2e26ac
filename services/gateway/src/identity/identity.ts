/**
 * The token validator: verifies Bearer tokens locally (cached JWKS, pinned EdDSA, iss/aud/exp/nbf
 * with a small skew), checks the in-process revocation list, and applies a route's policy with
 * the platform's role rule (`permit`). What it adds to the services' access hook is speed: tokens
 * verified before are answered synchronously from a cache on the hot path.
 * No call reaches the auth service per request; verified tokens are remembered until they expire.
 */
import {
  AppError,
  bearerToken,
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  permit,
  type Identity,
  type Logger,
  type RevocationCheck,
  type Role,
} from "@shop/platform";
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import type { Policy } from "../gateway-file/schema.js";
import { RejectedTokens, TokenCache } from "./token-cache.js";

export interface IdentityOptions {
  jwksUrl?: string;
  /** A local key resolver instead of the remote JWKS (tests). */
  keys?: JWTVerifyGetKey;
  issuer?: string;
  audience?: string;
  revocations: RevocationCheck;
  logger: Logger;
  cacheSize?: number;
  /** Background JWKS refresh period (default 10 min). */
  jwksRefreshMs?: number;
}

export interface IdentityResolver {
  /**
   * The caller allowed by `policy`: undefined for anonymous callers of public routes. Throws
   * AUTH_REQUIRED / AUTH_TOKEN_* (401) or FORBIDDEN (403). On public routes a bad token is ignored:
   * the caller is anonymous and the upstream, which receives the header untouched, decides.
   * Answers synchronously for tokens verified before (the hot path); may throw synchronously.
   */
  authorize(
    policy: Policy,
    authorization: string | undefined,
  ): Identity | undefined | Promise<Identity | undefined>;
  /** True once signing keys have been loaded. */
  keysLoaded(): Promise<boolean>;
  start(): void;
  close(): void;
}

/** The roles each route policy admits (the platform's one role rule decides). */
const POLICY_ROLES: Record<Exclude<Policy, "public">, readonly Role[]> = {
  guest: ["guest", "customer", "admin"],
  customer: ["customer", "admin"],
  admin: ["admin"],
};

function remoteKeys(jwksUrl = "http://127.0.0.1:4000/.well-known/jwks.json") {
  return createRemoteJWKSet(new URL(jwksUrl), {
    cooldownDuration: 30_000,
    // Keys never expire on their own: a refresh failure while auth is down must not stop
    // verification. Unknown kids trigger a refetch (rate-limited by the cooldown).
    cacheMaxAge: Number.POSITIVE_INFINITY,
    timeoutDuration: 2_000,
  });
}

function allow(policy: Exclude<Policy, "public">, identity: Identity): Identity {
  return permit(identity, POLICY_ROLES[policy]);
}

export function createIdentityResolver(options: IdentityOptions): IdentityResolver {
  const remote = options.keys ? undefined : remoteKeys(options.jwksUrl);
  const verifier = createTokenVerifier({
    keys: options.keys ?? remote!,
    issuer: options.issuer ?? DEFAULT_ISSUER,
    audience: options.audience ?? DEFAULT_AUDIENCE,
    algorithms: ["EdDSA"],
    clockToleranceSec: 5,
    revocations: options.revocations,
  });
  const cache = new TokenCache(options.cacheSize ?? 10_000);
  const rejected = new RejectedTokens();
  let timer: NodeJS.Timeout | undefined;

  /** Verified identities are cached by the whole Authorization header (no parsing on a hit). */
  function identify(authorization: string): Identity | Promise<Identity> {
    const cached = cache.get(authorization);
    if (cached) {
      if (options.revocations.isRevoked(cached)) throw revoked();
      return cached;
    }
    const known = rejected.get(authorization);
    if (known) return Promise.reject(known);
    const token = bearerToken(authorization);
    if (!token) return Promise.reject(invalidHeader());
    return verifier.verify(token).then(
      (identity) => {
        cache.set(authorization, identity);
        return identity;
      },
      (error: unknown) => {
        rejected.remember(authorization, error);
        throw error;
      },
    );
  }

  const reload = () =>
    remote
      ?.reload()
      .catch((error: unknown) => options.logger.warn({ err: error }, "JWKS refresh failed"));

  return {
    authorize(policy, authorization) {
      if (policy === "public") {
        if (!authorization) return undefined;
        try {
          const found = identify(authorization);
          return found instanceof Promise ? found.catch(() => undefined) : found;
        } catch {
          return undefined;
        }
      }
      if (!authorization) {
        throw new AppError("AUTH_REQUIRED", "Sign in to continue", {
          headers: { "www-authenticate": 'Bearer realm="shop-api"' },
        });
      }
      const found = identify(authorization);
      return found instanceof Promise
        ? found.then((identity) => allow(policy, identity))
        : allow(policy, found);
    },
    async keysLoaded() {
      if (!remote) return true;
      if (remote.jwks()) return true;
      await remote.reload();
      return remote.jwks() !== undefined;
    },
    start() {
      void reload();
      if (remote) {
        timer = setInterval(() => void reload(), options.jwksRefreshMs ?? 600_000);
        timer.unref();
      }
    },
    close() {
      clearInterval(timer);
    },
  };
}

function revoked(): AppError {
  return new AppError("AUTH_SESSION_REVOKED", "This session has been signed out", {
    headers: {
      "www-authenticate": 'Bearer error="invalid_token", error_description="session revoked"',
    },
  });
}

function invalidHeader(): AppError {
  return new AppError(
    "AUTH_TOKEN_INVALID",
    "The Authorization header must be `Bearer <access token>`",
    {
      headers: { "www-authenticate": 'Bearer error="invalid_token"' },
    },
  );
}
