/** Applies the CSRF rule (session/csrf.ts) to a request: throws CSRF_REJECTED when it fails. */
import { AppError } from "@shop/platform";
import { csrfAllowed, needsCsrfCheck } from "../session/csrf.js";
import { SessionManager } from "../session/session.js";
import type { RoutingDeps } from "./deps.js";
import type { ClientInfo } from "./upstream.js";

export function checkCsrf(request: Request, client: ClientInfo, deps: RoutingDeps): void {
  const headers = request.headers;
  const hasCookie = SessionManager.hasSessionCookie(headers.get("cookie"));
  if (!needsCsrfCheck(request.method, hasCookie, headers.has("authorization"))) return;
  if (!csrfAllowed(headers, client.host, deps.trustedOrigins)) {
    throw new AppError("CSRF_REJECTED", "This request did not come from the shop's own pages");
  }
}
