/**
 * The edge owns the browser session: `POST /_edge/session/{login,register,logout}` are the only
 * places session cookies are written outside a refresh. Sign-in goes through the gateway (its
 * rate limits apply), the tokens become httpOnly cookies here and never reach the page's script,
 * and a guest's cart moves into the member's. Scripts send JSON and get JSON (the problem details
 * of auth as they are); a form posted without script gets a 303 to where it should go next.
 */
import {
  ACCESS_COOKIE,
  LoginRequest,
  REFRESH_COOKIE,
  RegisterRequest,
  SESSION_PATHS,
  safeRedirectPath,
  type TokenResponse,
} from "@shop/contracts";
import { AppError, REQUEST_ID_HEADER, validationError } from "@shop/platform";
import type { z } from "zod";
import type { SessionGateway, SignInOutcome } from "../clients/gateway.client.js";
import type { ClientInfo } from "../routing/upstream.js";
import { clearCookie, isSecureRequest, parseCookies, serializeCookie } from "./cookies.js";
import { csrfAllowed } from "./csrf.js";

export interface SessionRouteDeps {
  gateway: SessionGateway;
  trustedOrigins: ReadonlySet<string>;
  warn: (details: Record<string, unknown>, message: string) => void;
}

const FORM_PAGES = { login: "/auth/login", register: "/auth/register" } as const;

export function isSessionPath(path: string): boolean {
  return Object.values(SESSION_PATHS).includes(
    path as (typeof SESSION_PATHS)[keyof typeof SESSION_PATHS],
  );
}

export async function handleSessionRoute(
  request: Request,
  url: URL,
  client: ClientInfo,
  deps: SessionRouteDeps,
): Promise<Response> {
  if (request.method !== "POST") {
    throw new AppError("METHOD_NOT_ALLOWED", "Use POST", { headers: { allow: "POST" } });
  }
  // Always checked, cookie or not: a cross-site form must not sign a visitor in or out.
  if (!csrfAllowed(request.headers, client.host, deps.trustedOrigins)) {
    throw new AppError("CSRF_REJECTED", "Sign in from the shop's own pages");
  }
  const caller = { requestId: client.requestId, ip: client.ip };
  const secure = isSecureRequest(request.headers, url);
  const cookies = parseCookies(request.headers.get("cookie"));
  const script = wantsJson(request);

  if (url.pathname === SESSION_PATHS.logout) {
    const access = cookies.get(ACCESS_COOKIE);
    if (access) await deps.gateway.logout(access, cookies.get(REFRESH_COOKIE), caller);
    const cleared = [clearCookie(ACCESS_COOKIE, secure), clearCookie(REFRESH_COOKIE, secure)];
    return script
      ? json(200, { signedOut: true }, cleared, client)
      : seeOther("/", cleared, client);
  }

  const kind = url.pathname === SESSION_PATHS.register ? "register" : "login";
  const fields = await readFields(request);
  const redirectTo = safeRedirectPath(fields.redirect);
  const outcome =
    kind === "login"
      ? await deps.gateway.login(parse(LoginRequest, fields), caller)
      : await deps.gateway.register(parse(RegisterRequest, fields), caller);
  if (!outcome.ok) {
    if (script) return problemAnswer(outcome, client);
    const code = typeof outcome.problem.code === "string" ? outcome.problem.code : "UNKNOWN";
    const back = new URLSearchParams({ error: code });
    if (redirectTo !== "/") back.set("redirect", redirectTo);
    return seeOther(`${FORM_PAGES[kind]}?${back}`, [], client);
  }

  const tokens = outcome.tokens;
  const guest = cookies.get(ACCESS_COOKIE);
  if (guest && isGuestToken(guest)) {
    const merged = await deps.gateway.mergeGuestCart(tokens.accessToken, guest, caller);
    if (!merged) deps.warn({ requestId: client.requestId }, "guest cart merge failed at sign-in");
  }
  const written = sessionCookies(tokens, secure);
  return script
    ? json(kind === "register" ? 201 : 200, { user: tokens.user, redirectTo }, written, client)
    : seeOther(redirectTo, written, client);
}

function sessionCookies(tokens: TokenResponse, secure: boolean): string[] {
  return [
    serializeCookie(ACCESS_COOKIE, tokens.accessToken, { maxAgeSeconds: tokens.expiresIn, secure }),
    serializeCookie(REFRESH_COOKIE, tokens.refreshToken, {
      maxAgeSeconds: tokens.refreshExpiresIn,
      secure,
    }),
  ];
}

function parse<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.output<S> {
  const result = schema.safeParse(fields);
  if (!result.success) throw validationError(result.error, "body");
  return result.data;
}

/** The form's fields as strings, from JSON or a form post; anything else is a 415. */
async function readFields(request: Request): Promise<Record<string, string>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  let entries: Iterable<[string, unknown]>;
  if (type === "application/json") {
    const body: unknown = await request.json().catch(() => {
      throw new AppError("MALFORMED_JSON", "The request body is not valid JSON");
    });
    if (!body || typeof body !== "object" || Array.isArray(body))
      throw new AppError("VALIDATION_FAILED", "Send the fields as a JSON object");
    entries = Object.entries(body);
  } else if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") {
    entries = (await request.formData().catch(() => {
      throw new AppError("VALIDATION_FAILED", "The form could not be read");
    })) as unknown as Iterable<[string, unknown]>;
  } else {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the form as JSON or a form post");
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of entries) if (typeof value === "string") fields[name] = value;
  return fields;
}

function wantsJson(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type.includes("json") || (request.headers.get("accept") ?? "").includes("json");
}

function isGuestToken(token: string): boolean {
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
      role?: unknown;
    };
    return claims.role === "guest";
  } catch {
    return false;
  }
}

function withCommon(headers: Headers, cookies: string[], client: ClientInfo): Headers {
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  headers.set("cache-control", "no-store");
  headers.set(REQUEST_ID_HEADER, client.requestId);
  return headers;
}

function json(status: number, body: unknown, cookies: string[], client: ClientInfo): Response {
  const headers = withCommon(new Headers({ "content-type": "application/json" }), cookies, client);
  return new Response(JSON.stringify(body), { status, headers });
}

function seeOther(location: string, cookies: string[], client: ClientInfo): Response {
  // A relative Location: the edge may sit behind another proxy that knows the public origin.
  return new Response(null, {
    status: 303,
    headers: withCommon(new Headers({ location }), cookies, client),
  });
}

function problemAnswer(
  outcome: Extract<SignInOutcome, { ok: false }>,
  client: ClientInfo,
): Response {
  const type = new Headers({ "content-type": "application/problem+json" });
  const headers = withCommon(type, [], client);
  if (outcome.retryAfter) headers.set("retry-after", outcome.retryAfter);
  return new Response(JSON.stringify(outcome.problem), { status: outcome.status, headers });
}
