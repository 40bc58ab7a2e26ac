/** Bun adapter: request ids and context, problem-details responses for Bun.serve handlers. */
import { REQUEST_ID_HEADER, requestIdFrom, runWithContext } from "../context.js";
import { toProblem } from "../errors/problem.js";

/** The request id for a Fetch API request (accepted from the caller or generated). */
export function requestIdOf(request: Request): string {
  return requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
}

/** Runs a handler inside the request's context so log lines carry its id. */
export function withRequestContext<T>(requestId: string, fn: () => T): T {
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
