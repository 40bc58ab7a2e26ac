/**
 * Tracing for Fetch-API servers without auto-instrumentation (the Bun edge proxy): one SERVER
 * span per request continuing an incoming `traceparent`, and CLIENT spans for upstream fetches
 * with `traceparent` injected. Until {@link startBunTracing} finds an endpoint, every helper
 * here is a plain pass-through (one boolean check).
 */
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from "@opentelemetry/api";
import { REQUEST_ID_HEADER } from "../context.js";
import { tracingSettingsFrom } from "./config.js";
import { isProbePath, markFailed, REQUEST_ID_ATTRIBUTE } from "./spans.js";

const tracer = trace.getTracer("@shop/platform/tracing/bun");
let tracingOn = false;

/**
 * Starts tracing when the standard OTel variables name an endpoint (see `tracingSettingsFrom`);
 * resolves to whether it did. Call once, before the server starts.
 *
 * @example
 * await startBunTracing(); // then serve with traceServerRequest(...)
 */
export async function startBunTracing(env?: NodeJS.ProcessEnv): Promise<boolean> {
  const settings = tracingSettingsFrom(env);
  if (!settings) return false;
  const { startBasicTracing } = await import("./basic-sdk.js");
  startBasicTracing(settings);
  tracingOn = true;
  return true;
}

/** Whether this process traces (after {@link startBunTracing} found an endpoint). */
export function bunTracingOn(): boolean {
  return tracingOn;
}

const headerGetter: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

const headerSetter: TextMapSetter<Headers> = {
  set: (headers, key, value) => headers.set(key, value),
};

/**
 * Runs `handle` inside a SERVER span for `request` (a child of its `traceparent`, if any). The
 * span ends when the response is ready (headers; a streamed body is not waited for). Probes
 * (`/health`, `/health/ready`, `/metrics`) are not traced.
 *
 * @example
 * Bun.serve({ fetch: (request) => traceServerRequest(request, () => app.fetch(request)) });
 */
export function traceServerRequest(
  request: Request,
  handle: () => Response | Promise<Response>,
): Response | Promise<Response> {
  if (!tracingOn) return handle();
  const url = new URL(request.url);
  if (isProbePath(url.pathname)) return handle();
  const parent = propagation.extract(ROOT_CONTEXT, request.headers, headerGetter);
  const span = tracer.startSpan(
    request.method,
    {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.method": request.method,
        "url.path": url.pathname,
        "url.scheme": url.protocol.replace(":", ""),
        "server.address": url.hostname,
        "user_agent.original": request.headers.get("user-agent") ?? undefined,
      },
    },
    parent,
  );
  const incomingRequestId = request.headers.get(REQUEST_ID_HEADER);
  if (incomingRequestId) span.setAttribute(REQUEST_ID_ATTRIBUTE, incomingRequestId);
  try {
    const answer = context.with(trace.setSpan(parent, span), handle);
    if (answer instanceof Response) return endServerSpan(span, answer);
    return answer.then(
      (response) => endServerSpan(span, response),
      (error: unknown) => {
        markFailed(span, error);
        span.end();
        throw error;
      },
    );
  } catch (error) {
    markFailed(span, error);
    span.end();
    throw error;
  }
}

function endServerSpan(span: Span, response: Response): Response {
  span.setAttribute("http.response.status_code", response.status);
  const requestId = response.headers.get(REQUEST_ID_HEADER);
  if (requestId) span.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
  const cache = response.headers.get("x-cache");
  if (cache) span.setAttribute("shop.edge.cache", cache);
  if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
  return response;
}

/**
 * `fetch` with a CLIENT span for a call to `peer` (`storefront`, `gateway`) and the span's
 * `traceparent` in the request headers (replacing one copied from the browser).
 *
 * @example
 * const response = await tracedFetch("gateway", `${gatewayUrl}/api/cart`, { method: "GET", headers });
 */
export async function tracedFetch(
  peer: string,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  if (!tracingOn) return fetch(url, init);
  const method = init.method ?? "GET";
  const target = new URL(url);
  const span = tracer.startSpan(method, {
    kind: SpanKind.CLIENT,
    attributes: {
      "http.request.method": method,
      "url.full": `${target.origin}${target.pathname}`,
      "server.address": target.hostname,
      "server.port": Number(target.port) || undefined,
      "peer.service": peer,
    },
  });
  const headers = new Headers(init.headers);
  propagation.inject(trace.setSpan(context.active(), span), headers, headerSetter);
  try {
    const response = await fetch(url, { ...init, headers });
    span.setAttribute("http.response.status_code", response.status);
    if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return response;
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}
