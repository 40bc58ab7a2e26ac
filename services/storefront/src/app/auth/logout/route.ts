/**
 * `POST /auth/logout` (a plain form post): revokes the session at auth, clears both cookies and
 * answers 303 to the home page, so the browser reloads with every per-user store empty.
 * Cross-site posts are refused (the cookies are SameSite=Lax, and Origin is checked as well).
 */
import { cookies, headers } from "next/headers";
import * as auth from "@/lib/api/auth";
import { authService } from "@/lib/api/server";
import { ACCESS_COOKIE, REFRESH_COOKIE, clearedCookies, isSecureRequest } from "@/lib/auth-cookies";
import { problemResponse } from "@/lib/problem";

function sameSite(h: Headers): boolean {
  const fetchSite = h.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin" || fetchSite === "none";
  const origin = h.get("origin");
  if (!origin) return true;
  const host = h.get("x-forwarded-host") ?? h.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(): Promise<Response> {
  const h = await headers();
  if (!sameSite(h))
    return problemResponse(
      "CSRF_REJECTED",
      "Log out from the shop's own pages",
      h.get("x-request-id"),
    );
  const jar = await cookies();
  const access = jar.get(ACCESS_COOKIE)?.value;
  if (access) {
    try {
      await auth.logout(await authService(), access, jar.get(REFRESH_COOKIE)?.value);
    } catch {
      // An expired or already revoked session is logged out anyway: the cookies go below.
    }
  }
  const secure = isSecureRequest(
    h.get("x-forwarded-proto"),
    `${h.get("x-forwarded-proto") ?? "http"}://x`,
  );
  for (const { name, value, ...options } of clearedCookies(secure)) jar.set(name, value, options);
  // A relative Location: behind the edge proxy this server does not know the public origin.
  return new Response(null, {
    status: 303,
    headers: { location: "/", "cache-control": "no-store" },
  });
}
