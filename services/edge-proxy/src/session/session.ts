/**
 * Turns the browser's cookies into what the upstream needs: a Bearer token for /api/* (refreshed
 * when it is about to expire; a guest session issued when the call needs an identity and there is
 * none), and for page requests a Cookie header carrying a valid access token.
 */
import { AppError } from "@shop/platform";
import type { TokenSet } from "../clients/auth.client.js";
import {
  ACCESS_COOKIE,
  REFRESH_COOKIE,
  clearCookie,
  parseCookies,
  rewriteCookieHeader,
  serializeCookie,
  tokenExpiry,
} from "./cookies.js";
import type { GuestIssuer } from "./guest.js";
import type { Refresher } from "./refresh.js";

export interface SessionContext {
  requestId: string;
  ip: string;
  /** Cookies get the Secure attribute. */
  secure: boolean;
}

export interface SessionResult {
  /** Authorization header for the upstream, if any. */
  authorization?: string;
  /** Cookie header for the upstream (undefined: send none). */
  cookie?: string;
  /** Set-Cookie values to add to the answer. */
  setCookies: string[];
  /** Answer with this instead of forwarding. */
  error?: AppError;
}

interface Resolved {
  access?: string;
  /** New tokens to write (refresh or guest), or null to clear both cookies. */
  change?: TokenSet | null;
  /** Only the (useless) access cookie is cleared. */
  dropAccess?: boolean;
}

export class SessionManager {
  constructor(
    private readonly refresher: Refresher,
    private readonly guests: GuestIssuer,
    private readonly leewaySeconds: number,
  ) {}

  /** True when the request carries one of the session cookies. */
  static hasSessionCookie(cookieHeader: string | null): boolean {
    return (
      cookieHeader !== null &&
      (cookieHeader.includes(ACCESS_COOKIE) || cookieHeader.includes(REFRESH_COOKIE))
    );
  }

  async forApi(
    headers: Headers,
    ctx: SessionContext,
    needsIdentity: boolean,
  ): Promise<SessionResult> {
    const cookieHeader = headers.get("cookie");
    const forwardedCookie = rewriteCookieHeader(cookieHeader, {
      [ACCESS_COOKIE]: undefined,
      [REFRESH_COOKIE]: undefined,
    });
    const explicit = headers.get("authorization");
    if (explicit) return { authorization: explicit, cookie: forwardedCookie, setCookies: [] };

    const resolved = await this.resolve(parseCookies(cookieHeader), ctx);
    const result: SessionResult = {
      cookie: forwardedCookie,
      setCookies: this.cookiesFor(resolved, ctx.secure),
    };
    if (resolved.access) {
      result.authorization = `Bearer ${resolved.access}`;
      return result;
    }
    if (!needsIdentity) return result;

    const guest = await this.guests.issue(ctx.ip, ctx.requestId);
    if (guest.kind === "limited") {
      result.error = new AppError(
        "RATE_LIMITED",
        "Too many new sessions from this address; try again later",
        {
          headers: { "retry-after": String(guest.retryAfterSeconds) },
        },
      );
    } else if (guest.kind === "issued") {
      result.authorization = `Bearer ${guest.tokens.accessToken}`;
      result.setCookies = this.cookiesFor({ change: guest.tokens }, ctx.secure);
    } else {
      result.error = new AppError(
        "DEPENDENCY_UNAVAILABLE",
        "Sessions cannot be started right now; try again shortly",
      );
    }
    return result;
  }

  /** For pages rendered by the storefront with the user's cookies: refresh an expiring token. */
  async forPage(headers: Headers, ctx: SessionContext): Promise<SessionResult> {
    const cookieHeader = headers.get("cookie");
    if (!SessionManager.hasSessionCookie(cookieHeader))
      return { cookie: cookieHeader ?? undefined, setCookies: [] };
    const resolved = await this.resolve(parseCookies(cookieHeader), ctx);
    let cookie = cookieHeader ?? undefined;
    if (resolved.change !== undefined) {
      cookie = rewriteCookieHeader(cookieHeader, {
        [ACCESS_COOKIE]: resolved.change?.accessToken,
        [REFRESH_COOKIE]: resolved.change?.refreshToken,
      });
    } else if (resolved.dropAccess) {
      cookie = rewriteCookieHeader(cookieHeader, { [ACCESS_COOKIE]: undefined });
    }
    return { cookie, setCookies: this.cookiesFor(resolved, ctx.secure) };
  }

  private async resolve(cookies: Map<string, string>, ctx: SessionContext): Promise<Resolved> {
    const access = cookies.get(ACCESS_COOKIE) || undefined;
    const refresh = cookies.get(REFRESH_COOKIE) || undefined;
    if (access && !this.expiring(access)) return { access };
    if (!refresh) return access ? { dropAccess: true } : {};
    const outcome = await this.refresher.refresh(refresh, ctx);
    if (outcome.kind === "issued")
      return { access: outcome.tokens.accessToken, change: outcome.tokens };
    if (outcome.kind === "rejected") return { change: null };
    // Auth is unreachable: keep the session as it is; the gateway decides about the old token.
    return { access };
  }

  private expiring(token: string): boolean {
    const exp = tokenExpiry(token);
    return exp === undefined || exp - this.leewaySeconds <= Date.now() / 1000;
  }

  private cookiesFor(resolved: Resolved, secure: boolean): string[] {
    if (resolved.change === null)
      return [clearCookie(ACCESS_COOKIE, secure), clearCookie(REFRESH_COOKIE, secure)];
    if (resolved.change) {
      return [
        serializeCookie(ACCESS_COOKIE, resolved.change.accessToken, {
          maxAgeSeconds: resolved.change.expiresIn,
          secure,
        }),
        serializeCookie(REFRESH_COOKIE, resolved.change.refreshToken, {
          maxAgeSeconds: resolved.change.refreshExpiresIn,
          secure,
        }),
      ];
    }
    return resolved.dropAccess ? [clearCookie(ACCESS_COOKIE, secure)] : [];
  }
}
