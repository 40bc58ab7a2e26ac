/**
 * Which pages are which, for the proxy: catalogue pages render the same HTML for everyone and are
 * declared shareable to the edge cache; private pages are per-user and may refresh the session.
 */

/** Surrogate-Control for catalogue HTML (honoured and stripped by the edge proxy). */
export const CATALOGUE_SURROGATE_CONTROL =
  "max-age=60, stale-while-revalidate=300, stale-if-error=86400";

const CATALOGUE = [
  /^\/$/,
  /^\/categories(\/[^/]+)?\/?$/,
  /^\/products\/[^/]+\/?$/,
  /^\/search\/?$/,
];
const PRIVATE_PREFIXES = [
  "/account",
  "/wishlist",
  "/cart",
  "/checkout",
  "/orders",
  "/admin",
  "/auth",
  "/session",
];

export type RouteKind = "catalogue" | "private" | "other";

export function routeKind(pathname: string): RouteKind {
  if (CATALOGUE.some((re) => re.test(pathname))) return "catalogue";
  if (PRIVATE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`)))
    return "private";
  return "other";
}

/** Pages a guest may not open: the server sends them to the login page first. */
export const MEMBER_ONLY_PREFIXES = ["/account", "/wishlist", "/orders", "/admin"];

export function isMemberOnly(pathname: string): boolean {
  return MEMBER_ONLY_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
