/**
 * What the auth service answers: token pairs, verified identities and `GET /api/auth/me`.
 * Access tokens are EdDSA JWTs (issuer `shop-auth`, audience `shop-api`); refresh tokens are opaque.
 */
import { z } from "zod";
import { Member } from "./members.ts";

/** First-party client ids allowed to mint tokens with `Authorization: Basic <id>:<AUTH_CLIENT_KEY>`. */
export const AUTH_CLIENT_IDS = ["storefront", "edge-proxy"] as const;

export const IdentityRole = z.enum(["guest", "customer", "admin"]);

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

const Password = z.string().min(1, "Enter a password").max(128, "Use at most 128 characters");

/** `POST /api/auth/login` (and the edge's `/_edge/session/login`, which calls it). */
export const LoginRequest = z.object({ email: Email, password: Password });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** `POST /api/auth/register` (and the edge's `/_edge/session/register`). */
export const RegisterRequest = z.object({
  email: Email,
  password: Password,
  name: z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters"),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

/** The signed-in member carried in a token response (`null` for guests). */
export const AuthUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["customer", "admin"]),
});
export type AuthUser = z.infer<typeof AuthUser>;

/** Answer of register, login, refresh and guest. Lifetimes are in seconds. */
export const TokenResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int(),
  refreshExpiresIn: z.number().int(),
  user: AuthUser.nullable(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** Answer of `POST /api/auth/verify` for a valid, unrevoked token. */
export const VerifiedIdentity = z.object({
  active: z.literal(true),
  sub: z.string(),
  role: IdentityRole,
  sid: z.string(),
  jti: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
  name: z.string().optional(),
});
export type VerifiedIdentity = z.infer<typeof VerifiedIdentity>;

/** Answer of `GET /api/auth/me`: who the token belongs to, with the member record for members. */
export const MeResponse = z.object({
  /** Member id, or `guest_<random>` for guests. */
  id: z.string(),
  role: IdentityRole,
  /** The member as the member service holds it now; `null` for guests. */
  member: Member.nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

/**
 * `POST /internal/sessions/revoke` (X-Internal-Key), the member service's call when a member is
 * deleted, disabled, changes role or password. Auth is the only writer of revocations.
 */
export const RevokeSessionsRequest = z.object({
  sub: z.string().min(1).max(100),
  /** The session to keep (the one that changed the password). */
  exceptSid: z.string().min(1).max(100).optional(),
  /** Also cut every access token issued to `sub` so far (role change, disabled, deleted). */
  revokeTokens: z.boolean().default(false),
  /** End the refresh sessions (all but `exceptSid`); false when only the role changed. */
  endSessions: z.boolean().default(true),
});
export type RevokeSessionsRequest = z.input<typeof RevokeSessionsRequest>;

export const RevokeSessionsResult = z.object({ revoked: z.number().int() });
