/**
 * CSRF check for cookie-authenticated writes: the browser must show the request is same-origin
 * (`Sec-Fetch-Site: same-origin|none`) or come from our own host or a trusted origin. A request
 * with an explicit Authorization header is not cookie-authenticated (a cross-site form cannot
 * set one) and is not checked.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

export function needsCsrfCheck(
  method: string,
  hasSessionCookie: boolean,
  hasAuthorization: boolean,
): boolean {
  return hasSessionCookie && !hasAuthorization && !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * @param host - the Host the browser addressed (e.g. `localhost:9000`).
 * @param trustedOrigins - extra origins allowed, e.g. `https://admin.shop.example`.
 */
export function csrfAllowed(
  headers: Headers,
  host: string,
  trustedOrigins: ReadonlySet<string>,
): boolean {
  const site = headers.get("sec-fetch-site")?.toLowerCase();
  if (site === "same-origin" || site === "none") return true;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  if (trustedOrigins.has(origin.toLowerCase())) return true;
  // Sec-Fetch-Site says same-site/cross-site: only an explicitly trusted origin passes.
  if (site) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
