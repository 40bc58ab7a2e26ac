/**
 * Who is calling: the Bearer token verified locally against auth's JWKS plus the revocation list,
 * or a platform service holding the internal key. Identity headers from outside are never read.
 */
import {
  AppError,
  bearerToken,
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  INTERNAL_KEY_HEADER,
  safeEqual,
  type Identity,
  type TokenVerifier,
} from "@shop/platform";
import { createRevocationList, type RevocationList } from "@shop/platform/redis";
import type { FastifyRequest } from "fastify";
import type { Logger } from "@shop/platform";

export type Caller = { kind: "member"; identity: Identity } | { kind: "internal" };

export interface Authenticator {
  /** The verified token's identity; throws AUTH_REQUIRED without a token. */
  identity(request: FastifyRequest): Promise<Identity>;
  /** The internal caller when the internal key matches, else the token's identity. */
  caller(request: FastifyRequest): Promise<Caller>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createAuthenticator(options: {
  authUrl: string;
  redisUrl: string;
  redisPrefix: string;
  internalKey: string;
  logger: Logger;
}): Authenticator {
  const revocations: RevocationList = createRevocationList(options.redisUrl, {
    prefix: options.redisPrefix,
    logger: options.logger,
  });
  const verifier: TokenVerifier = createTokenVerifier({
    jwksUrl: `${options.authUrl}/.well-known/jwks.json`,
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    revocations,
  });

  async function identity(request: FastifyRequest): Promise<Identity> {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new AppError("AUTH_REQUIRED", "Sign in to continue", {
        headers: { "www-authenticate": "Bearer" },
      });
    }
    return verifier.verify(token);
  }

  return {
    identity,
    async caller(request) {
      const key = request.headers[INTERNAL_KEY_HEADER];
      if (typeof key === "string") {
        if (!safeEqual(key, options.internalKey)) {
          throw new AppError("INTERNAL_AUTH_REQUIRED", "The internal key is not valid");
        }
        return { kind: "internal" };
      }
      return { kind: "member", identity: await identity(request) };
    },
    start: () => revocations.start(),
    close: () => revocations.close(),
  };
}
