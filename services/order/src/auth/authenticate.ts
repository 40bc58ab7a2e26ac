/**
 * Bearer-token authentication for public routes: verified locally (JWKS + revocation list), never
 * from X-User-* headers. It runs as an onRequest hook, so an anonymous caller gets 401 before
 * any body validation.
 */
import {
  AppError,
  bearerToken,
  requireRole,
  type Identity,
  type Role,
  type TokenVerifier,
} from "@shop/platform";
import type { FastifyRequest, onRequestAsyncHookHandler } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    identity?: Identity;
  }
}

export interface Auth {
  /** onRequest hook: verifies the token (and the role when given) and keeps the identity on the request. */
  require(...roles: Role[]): onRequestAsyncHookHandler;
}

export function createAuth(verifier: TokenVerifier): Auth {
  return {
    require: (...roles) =>
      async function authenticate(request: FastifyRequest) {
        const token = bearerToken(request.headers.authorization);
        if (!token)
          throw new AppError("AUTH_REQUIRED", "Sign in or start a guest session to continue", {
            headers: { "www-authenticate": "Bearer" },
          });
        const identity = await verifier.verify(token);
        request.identity = roles.length ? requireRole(identity, ...roles) : identity;
      },
  };
}

/** The identity set by the hook (routes without the hook never call this). */
export function identityOf(request: FastifyRequest): Identity {
  if (!request.identity) throw new AppError("AUTH_REQUIRED", "Sign in to continue");
  return request.identity;
}
