/** Bun adapter: request ids and context, problem-details responses for Bun.serve handlers. */
import { authorize, type AccessCheck, type Caller, type RouteAccess } from "../access.js";
import { REQUEST_ID_HEADER, requestIdFrom, runWithContext } from "../context.js";
import { INTERNAL_KEY_HEADER } from "../identity.js";
import { toProblem } from "../errors/problem.js";
import { tagRequestId } from "../tracing/spans.js";

/** The request id for a Fetch API request (accepted from the caller or generated). */
export function requestIdOf(request: Request): string {
  return requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
}

/** Runs a handler inside the request's context so log lines (and the request's span) carry its id. */
export function withRequestContext<T>(requestId: string, fn: () => T): T {
  tagRequestId(requestId);
  return runWithContext({ requestId }, fn);
}

/** Renders an error as a problem-details Response. */
export function problemResponse(error: unknown, requestId: string, instance?: string): Response {
  const rendered = toProblem(error, requestId, instance);
  return new Response(JSON.stringify(rendered.body), {
    status: rendered.status,
    headers: { ...rendered.headers, [REQUEST_ID_HEADER]: requestId },
  });
}

/**
 * The identity check for a Fetch API request (Bun.serve handlers): the caller `rule` admits.
 * `token` overrides where the access token comes from (the edge reads its session cookie too).
 */
export function authorizeRequest(
  request: Request,
  rule: RouteAccess,
  check: AccessCheck,
  token?: string,
): Promise<Caller> {
  const authorization = token ? `Bearer ${token}` : request.headers.get("authorization");
  return authorize(
    { authorization, internalKey: request.headers.get(INTERNAL_KEY_HEADER) },
    rule,
    check,
  );
}
