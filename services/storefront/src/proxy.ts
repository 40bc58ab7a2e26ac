/**
 * Next's request proxy (formerly middleware): declares catalogue HTML shareable to the edge cache
 * with Surrogate-Control. Sessions are not its business: the edge proxy refreshes an expiring
 * session before the request reaches this server, and alone writes the session cookies.
 */
import { NextResponse, type NextRequest } from "next/server";
import { CATALOGUE_SURROGATE_CONTROL, routeKind } from "./lib/route-policy";

export function proxy(request: NextRequest): NextResponse {
  const response = NextResponse.next();
  const readOnly = request.method === "GET" || request.method === "HEAD";
  const isAction = request.method === "POST" && request.headers.has("next-action");
  // Only the HTML document is shared; RSC payloads of client navigations go straight through.
  if (
    routeKind(request.nextUrl.pathname) === "catalogue" &&
    readOnly &&
    !isAction &&
    !request.headers.has("rsc")
  ) {
    response.headers.set("Surrogate-Control", CATALOGUE_SURROGATE_CONTROL);
  }
  return response;
}

export const config = {
  // Pages, route handlers and server actions; not static files, optimised images or product images.
  matcher: [
    "/((?!_next/static|_next/image|images/|favicon.ico|icon.svg|robots.txt|placeholder-product.svg).*)",
  ],
};
