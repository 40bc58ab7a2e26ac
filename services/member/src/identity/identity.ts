/**
 * Who is calling: the Bearer token verified locally against auth's JWKS plus the revocation list,
 * or a platform service holding the internal key. Identity headers from outside are never read.
 */
import {
  AppError,
  bearerToken,
  INTERNAL_KEY_HEADER,
  safeEqual,
  type Identity,
} from "@shop/platform";
import { createAccessTokenVerification } from "@shop/platform/redis";
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
  const { verifier, revocations } = createAccessTokenVerification({
    authUrl: options.authUrl,
    redisUrl: options.redisUrl,
    prefix: options.redisPrefix,
    logger: options.logger,
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
