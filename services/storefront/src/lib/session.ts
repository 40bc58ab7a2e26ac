/**
 * Who is asking, on the server: the access-token cookie verified locally against auth's JWKS
 * (EdDSA, issuer shop-auth, audience shop-api). Guests have a session but no account.
 */
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { config } from "@/config";
import { ACCESS_COOKIE, REFRESH_COOKIE } from "@shop/contracts/session";
import { loginPath } from "@shop/contracts/session";
import type { Role } from "./api/auth";

export interface Session {
  userId: string;
  role: Role;
  name: string | null;
  accessToken: string;
}

let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

function keys() {
  jwks ??= createRemoteJWKSet(new URL(`${config().AUTH_URL}/.well-known/jwks.json`), {
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
    timeoutDuration: 3_000,
  });
  return jwks;
}

/** The verified session of this request, or null (no cookie, expired, tampered, keys unreachable). */
export const getSession = cache(async (): Promise<Session | null> => {
  const token = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, keys(), {
      issuer: "shop-auth",
      audience: "shop-api",
      algorithms: ["EdDSA"],
      clockTolerance: 5,
    });
    const role = payload.role === "admin" || payload.role === "customer" ? payload.role : "guest";
    return {
      userId: String(payload.sub),
      role,
      name: typeof payload.name === "string" ? payload.name : null,
      accessToken: token,
    };
  } catch {
    return null;
  }
});

/** True when the browser holds any session cookie (a guest's included). */
export async function hasSessionCookie(): Promise<boolean> {
  const jar = await cookies();
  return jar.has(ACCESS_COOKIE) || jar.has(REFRESH_COOKIE);
}

/** The signed-in member, or a 307 to the login page that brings them back to `returnTo`. */
export async function requireMember(returnTo: string): Promise<Session> {
  const session = await getSession();
  if (!session || session.role === "guest") redirect(loginPath(returnTo));
  return session;
}

/** An admin, or the login page (guests) / 403 page (customers). */
export async function requireAdmin(returnTo: string): Promise<Session> {
  const session = await requireMember(returnTo);
  if (session.role !== "admin") forbidden();
  return session;
}
