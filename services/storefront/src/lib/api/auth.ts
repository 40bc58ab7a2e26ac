/**
 * The auth service, called directly by the storefront server (never from the browser): the token
 * routes take the storefront's client key in a Basic header, added by the auth transport.
 */
import { type AuthUser, type IdentityRole, TokenResponse } from "@shop/contracts";
import type { z } from "zod";
import { request, type Transport } from "./http";
import { parseWith } from "./wire";

export type Role = z.infer<typeof IdentityRole>;
export type { AuthUser };

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Seconds. */
  expiresIn: number;
  refreshExpiresIn: number;
  user: AuthUser | null;
}

export const toTokenSet = parseWith(
  TokenResponse,
  ({ accessToken, refreshToken, expiresIn, refreshExpiresIn, user }): TokenSet => ({
    accessToken,
    refreshToken,
    expiresIn,
    refreshExpiresIn,
    user,
  }),
  "token answer",
);

export interface Credentials {
  email: string;
  password: string;
}

export function login(t: Transport, credentials: Credentials): Promise<TokenSet> {
  return request(t, "/api/auth/login", { method: "POST", json: credentials }, toTokenSet);
}

export function register(t: Transport, input: Credentials & { name: string }): Promise<TokenSet> {
  return request(t, "/api/auth/register", { method: "POST", json: input }, toTokenSet);
}

/** Rotates the refresh token: a new pair, or ApiError 401 when it is no longer valid. */
export function refresh(t: Transport, refreshToken: string): Promise<TokenSet> {
  return request(t, "/api/auth/refresh", { method: "POST", json: { refreshToken } }, toTokenSet);
}

/** A guest session for a visitor who has none yet (used before a guest's first cart write). */
export function guest(t: Transport): Promise<TokenSet> {
  return request(t, "/api/auth/guest", { method: "POST", json: {} }, toTokenSet);
}

/** Revokes the session of `accessToken` (and its refresh token family). */
export function logout(
  t: Transport,
  accessToken: string,
  refreshToken: string | undefined,
): Promise<void> {
  return request(
    t,
    "/api/auth/logout",
    {
      method: "POST",
      json: refreshToken ? { refreshToken } : {},
      headers: { authorization: `Bearer ${accessToken}` },
    },
    () => undefined,
  );
}
