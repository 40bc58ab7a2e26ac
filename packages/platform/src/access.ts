/**
 * Who may call a route, decided the same way in every part: the framework hooks in `adapters/`
 * (Fastify hook, Koa middleware, Nest guard, Bun wrapper) all call {@link authorize} with a
 * route's {@link RouteAccess}. Identity comes only from a verified Bearer token or, for platform
 * services, the internal key; `X-User-*` headers are never read.
 */
import { AppError } from "./errors/app-error.js";
import {
  bearerToken,
  INTERNAL_KEY_HEADER,
  safeEqual,
  type Identity,
  type Role,
  type TokenVerifier,
} from "./identity.js";

/** A route's access rule. */
export interface RouteAccess {
  /** Roles allowed; absent: any verified caller, guests included. */
  roles?: readonly Role[];
  /** Public reads: a missing, bad or expired token makes the caller anonymous instead of failing. */
  optional?: boolean;
  /**
   * `only`: platform services alone, by `X-Internal-Key` (no token is read).
   * `also`: a platform service with the key, or a user as the other options say.
   */
  internal?: "only" | "also";
}

export type Caller =
  { kind: "user"; identity: Identity } | { kind: "internal" } | { kind: "anonymous" };

export interface AccessCheck {
  /** Token verification; a part without user routes (payment) has none. */
  verifier?: TokenVerifier;
  /** The platform's internal key; needed by routes with `internal`. */
  internalKey?: string;
}

/** The two request headers access depends on, as any framework hands them over. */
export interface CallerHeaders {
  authorization?: string | string[] | null;
  internalKey?: string | string[] | null;
}

/** Reads the caller headers from a Node-style header record (Fastify, Koa, Express). */
export function callerHeaders(
  headers: Record<string, string | string[] | undefined>,
): CallerHeaders {
  return { authorization: headers.authorization, internalKey: headers[INTERNAL_KEY_HEADER] };
}

/**
 * Decides who is calling a route. Throws AUTH_REQUIRED / AUTH_TOKEN_* (401), FORBIDDEN (403),
 * INTERNAL_AUTH_REQUIRED (401) or DEPENDENCY_UNAVAILABLE (signing keys unreachable).
 */
export async function authorize(
  headers: CallerHeaders,
  access: RouteAccess,
  check: AccessCheck,
): Promise<Caller> {
  const key = first(headers.internalKey);
  if (access.internal === "only" || (access.internal === "also" && key !== undefined)) {
    if (!check.internalKey || !key || !safeEqual(key, check.internalKey)) {
      throw new AppError("INTERNAL_AUTH_REQUIRED", "This route is for platform services only");
    }
    return { kind: "internal" };
  }
  const authorization = first(headers.authorization);
  if (!authorization) {
    if (access.optional) return { kind: "anonymous" };
    throw new AppError("AUTH_REQUIRED", "Sign in to continue", {
      headers: { "www-authenticate": "Bearer" },
    });
  }
  let identity: Identity;
  try {
    if (!check.verifier)
      throw new Error("this part verifies no tokens: its rules must be internal");
    identity = await verify(authorization, check.verifier);
  } catch (error) {
    if (access.optional) return { kind: "anonymous" };
    throw error;
  }
  return { kind: "user", identity: permit(identity, access.roles) };
}

/** `identity` if its role is one of `roles` (any role when absent), else FORBIDDEN (403). */
export function permit(identity: Identity, roles: readonly Role[] | undefined): Identity {
  if (roles && !roles.includes(identity.role)) {
    throw new AppError("FORBIDDEN", `This action needs the ${roles.join(" or ")} role`, {
      headers: { "www-authenticate": 'Bearer error="insufficient_scope"' },
    });
  }
  return identity;
}

/** The identity of a user caller; AUTH_REQUIRED for an anonymous one or a platform service. */
export function userOf(caller: Caller | undefined): Identity {
  if (caller?.kind === "user") return caller.identity;
  throw new AppError("AUTH_REQUIRED", "Sign in to continue", {
    headers: { "www-authenticate": "Bearer" },
  });
}

function verify(authorization: string, verifier: TokenVerifier): Promise<Identity> {
  const token = bearerToken(authorization);
  if (!token) {
    return Promise.reject(
      new AppError("AUTH_TOKEN_INVALID", "The Authorization header must be `Bearer <token>`", {
        headers: { "www-authenticate": 'Bearer error="invalid_token"' },
      }),
    );
  }
  return verifier.verify(token);
}

function first(value: string | string[] | null | undefined): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return one || undefined;
}
