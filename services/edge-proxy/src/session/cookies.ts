/**
 * The session cookies the browser holds (`access_token`, `refresh_token`: httpOnly, SameSite=Lax,
 * Path=/, Secure over HTTPS) and small helpers to read, write and rewrite them.
 */
// The names live once, in @shop/contracts (the storefront reads the access cookie by the same name).
export { ACCESS_COOKIE, REFRESH_COOKIE } from "@shop/contracts/session";

/** Cookie name → value (first occurrence wins), values URI-decoded when they were encoded. */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (!name || cookies.has(name)) continue;
    cookies.set(name, safeDecode(part.slice(index + 1).trim()));
  }
  return cookies;
}

function safeDecode(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearCookie(name: string, secure: boolean): string {
  return serializeCookie(name, "", { maxAgeSeconds: 0, secure });
}

/**
 * Rewrites a Cookie header: `changes` maps a name to its new value, or to undefined to remove it.
 * Returns undefined when no cookie is left.
 */
export function rewriteCookieHeader(
  header: string | null,
  changes: Record<string, string | undefined>,
): string | undefined {
  const kept: string[] = [];
  for (const part of (header ?? "").split(";")) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const name = trimmed.slice(0, Math.max(0, trimmed.indexOf("=")));
    if (name && Object.hasOwn(changes, name)) continue;
    kept.push(trimmed);
  }
  for (const [name, value] of Object.entries(changes)) {
    if (value !== undefined) kept.push(`${name}=${encodeURIComponent(value)}`);
  }
  return kept.length ? kept.join("; ") : undefined;
}

/** The `exp` claim of a JWT (epoch seconds) without verifying it, or undefined when unreadable. */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      exp?: unknown;
    };
    return typeof claims.exp === "number" ? claims.exp : undefined;
  } catch {
    return undefined;
  }
}

/** True when the browser reached us over HTTPS (directly or through a TLS terminator). */
export function isSecureRequest(headers: Headers, url: URL): boolean {
  const forwarded = headers.get("x-forwarded-proto");
  if (forwarded) return forwarded.split(",")[0]?.trim().toLowerCase() === "https";
  return url.protocol === "https:";
}
