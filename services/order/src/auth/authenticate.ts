/** Bearer-token authentication for public routes: verified locally (JWKS + revocation list), never X-User-* headers. */
import { AppError, bearerToken, requireRole, type Identity, type Role, type TokenVerifier } from "@shop/platform";
import type { FastifyRequest } from "fastify";

export type Authenticate = (request: FastifyRequest, ...roles: Role[]) => Promise<Identity>;

export function createAuthenticate(verifier: TokenVerifier): Authenticate {
  return async (request, ...roles) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new AppError("AUTH_REQUIRED", "Sign in or start a guest session to continue", { headers: { "www-authenticate": "Bearer" } });
    const identity = await verifier.verify(token);
    return roles.length ? requireRole(identity, ...roles) : identity;
  };
}
