/**
 * Next's request proxy (formerly middleware): declares catalogue HTML shareable to the edge cache
 * with Surrogate-Control, and refreshes an expired session before per-user pages and server
 * actions render (never on catalogue pages, whose responses must not carry cookies).
 */
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "./config";
import { clientCredential, httpTransport } from "./lib/api/upstream";
import {
  ACCESS_COOKIE,
  REFRESH_COOKIE,
  clearedCookies,
  isSecureRequest,
  needsRefresh,
  rewriteCookieHeader,
  sessionCookies,
  type CookieSpec,
} from "./lib/auth-cookies";
import { CATALOGUE_SURROGATE_CONTROL, routeKind } from "./lib/route-policy";
import { refreshSession } from "./lib/session-refresh";

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const kind = routeKind(pathname);
  const isAction = request.method === "POST" && request.headers.has("next-action");

  if (kind === "private" || isAction) {
    const refreshed = await maybeRefresh(request);
    if (refreshed) return refreshed;
  }

  const response = NextResponse.next();
  const readOnly = request.method === "GET" || request.method === "HEAD";
  // Only the HTML document is shared; RSC payloads of client navigations go straight through.
  if (kind === "catalogue" && readOnly && !isAction && !request.headers.has("rsc")) {
    response.headers.set("Surrogate-Control", CATALOGUE_SURROGATE_CONTROL);
  }
  return response;
}

async function maybeRefresh(request: NextRequest): Promise<NextResponse | null> {
  const access = request.cookies.get(ACCESS_COOKIE)?.value;
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refreshToken || !needsRefresh(access, refreshToken, Date.now() / 1000)) return null;

  const cfg = appConfig();
  const auth = httpTransport(cfg.AUTH_URL, {
    authorization: clientCredential(cfg.AUTH_CLIENT_KEY),
    "x-request-id": request.headers.get("x-request-id") ?? undefined,
    "x-forwarded-for": request.headers.get("x-forwarded-for") ?? undefined,
  });
  const outcome = await refreshSession(auth, refreshToken);
  if (outcome.kind === "unavailable") return null;

  const secure = isSecureRequest(request.headers.get("x-forwarded-proto"), request.url);
  const cookies: CookieSpec[] =
    outcome.kind === "refreshed" ? sessionCookies(outcome.tokens, secure) : clearedCookies(secure);
  // The page renders with the new cookies; the browser receives them with the response.
  const headers = new Headers(request.headers);
  headers.set(
    "cookie",
    rewriteCookieHeader(
      request.headers.get("cookie"),
      Object.fromEntries(cookies.map((c) => [c.name, c.maxAge > 0 ? c.value : null])),
    ),
  );
  const response = NextResponse.next({ request: { headers } });
  for (const { name, value, ...options } of cookies) response.cookies.set(name, value, options);
  return response;
}

export const config = {
  // Pages, route handlers and server actions; not static files, optimised images or product images.
  matcher: [
    "/((?!_next/static|_next/image|images/|favicon.ico|icon.svg|robots.txt|placeholder-product.svg).*)",
  ],
};
