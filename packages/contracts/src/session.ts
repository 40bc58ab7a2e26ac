/**
 * The browser session, which the edge proxy alone writes: its cookie names, the edge's session
 * endpoints the sign-in forms post to, and where a sign-in may send the browser afterwards.
 * The storefront reads the access cookie to know who is rendering; it never writes either cookie.
 */

/** httpOnly, SameSite=Lax, Path=/, Secure over HTTPS; JavaScript in the page never sees them. */
export const ACCESS_COOKIE = "access_token";
export const REFRESH_COOKIE = "refresh_token";

/** The edge's session endpoints (POST; JSON for scripts, form posts without script). */
export const SESSION_PATHS = {
  login: "/_edge/session/login",
  register: "/_edge/session/register",
  logout: "/_edge/session/logout",
} as const;

// Post-login destinations: only same-site paths, never another origin or a protocol-relative URL.

const FALLBACK = "/";

export function safeRedirectPath(value: unknown, fallback = FALLBACK): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  // Must be an absolute path; "//host" and "/\host" are treated as other origins by browsers.
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
    return fallback;
  try {
    const url = new URL(value, "http://storefront.invalid");
    if (url.origin !== "http://storefront.invalid") return fallback;
    if (url.pathname.startsWith("/auth/")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** `/auth/login?redirect=<path>` for a page a guest tried to open. */
export function loginPath(returnTo: string): string {
  const target = safeRedirectPath(returnTo);
  return target === "/" ? "/auth/login" : `/auth/login?redirect=${encodeURIComponent(target)}`;
}
