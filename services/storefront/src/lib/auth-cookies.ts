/**
 * The session cookies the storefront and the edge proxy share: `access_token` and `refresh_token`,
 * httpOnly, SameSite=Lax, Path=/, Secure over HTTPS. JavaScript in the page never sees them.
 */

export const ACCESS_COOKIE = "access_token";
export const REFRESH_COOKIE = "refresh_token";

/** Refresh a little before expiry so a page render never starts with a token about to lapse. */
const REFRESH_MARGIN_SEC = 30;

export interface CookieSpec {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: "lax";
  path: "/";
  secure: boolean;
  maxAge: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds. */
  expiresIn: number;
  refreshExpiresIn: number;
}

/**
 * Both cookies for a token pair, each living as long as its token (as the edge proxy writes them).
 * When the access cookie has gone, the refresh cookie still identifies the session and either the
 * edge proxy or this storefront's proxy refreshes it.
 */
export function sessionCookies(tokens: TokenPair, secure: boolean): CookieSpec[] {
  const base = { httpOnly: true, sameSite: "lax", path: "/", secure } as const;
  return [
    {
      ...base,
      name: ACCESS_COOKIE,
      value: tokens.accessToken,
      maxAge: Math.max(1, Math.floor(tokens.expiresIn)),
    },
    {
      ...base,
      name: REFRESH_COOKIE,
      value: tokens.refreshToken,
      maxAge: Math.max(1, Math.floor(tokens.refreshExpiresIn)),
    },
  ];
}

/** Cookies that delete the session (same attributes, expired). */
export function clearedCookies(secure: boolean): CookieSpec[] {
  const base = {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: 0,
    value: "",
  } as const;
  return [
    { ...base, name: ACCESS_COOKIE },
    { ...base, name: REFRESH_COOKIE },
  ];
}

/** HTTPS as seen by the browser: the edge proxy reports it in X-Forwarded-Proto. */
export function isSecureRequest(forwardedProto: string | null | undefined, url: string): boolean {
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  if (proto) return proto === "https";
  return url.startsWith("https:");
}

/** The unverified claims of a JWT (for deciding when to refresh; never for authorisation). */
export function peekClaims(
  token: string | undefined,
): { exp?: number; role?: string; sub?: string } | null {
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const json = Buffer.from(payload.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString(
      "utf8",
    );
    const claims = JSON.parse(json) as Record<string, unknown>;
    return {
      exp: typeof claims.exp === "number" ? claims.exp : undefined,
      role: typeof claims.role === "string" ? claims.role : undefined,
      sub: typeof claims.sub === "string" ? claims.sub : undefined,
    };
  } catch {
    return null;
  }
}

/** True when a refresh token is present and the access token is missing, unreadable or about to expire. */
export function needsRefresh(
  accessToken: string | undefined,
  refreshToken: string | undefined,
  nowSec: number,
): boolean {
  if (!refreshToken) return false;
  const exp = peekClaims(accessToken)?.exp;
  return exp === undefined || exp - REFRESH_MARGIN_SEC <= nowSec;
}

/** A `Cookie` request header with some cookies replaced or removed (value null). */
export function rewriteCookieHeader(
  header: string | null,
  changes: Record<string, string | null>,
): string {
  const kept = (header ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part && !(part.split("=")[0]! in changes));
  for (const [name, value] of Object.entries(changes))
    if (value !== null) kept.push(`${name}=${value}`);
  return kept.join("; ");
}
