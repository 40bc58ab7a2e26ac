/**
 * Forwarding to the storefront and the gateway: hop-by-hop headers removed, X-Forwarded-* and
 * X-Request-Id set, redirects never followed, bodies streamed and left encoded as the upstream
 * sent them, and a timeout that only covers the wait for response headers (a long stream is fine).
 */
import {
  AppError,
  INTERNAL_KEY_HEADER,
  observeDependency,
  REQUEST_ID_HEADER,
} from "@shop/platform";
import { tracedFetch } from "@shop/platform/tracing/bun";

const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authorization",
  "proxy-authenticate",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];

export interface ClientInfo {
  ip: string;
  requestId: string;
  /** Host the browser addressed. */
  host: string;
  proto: "http" | "https";
  /** The scheme for shared (cached) renders: from a trusted proxy hop or our own listener only. */
  sharedProto: "http" | "https";
  /** X-Forwarded-For as received, when the hop in front is trusted. */
  forwardedFor?: string;
}

/** Request headers for an upstream: the client's, minus hop-by-hop, plus forwarding headers. */
export function upstreamHeaders(source: Headers, client: ClientInfo): Headers {
  const headers = new Headers(source);
  const connectionListed = source.get("connection");
  if (connectionListed) for (const name of connectionListed.split(",")) headers.delete(name.trim());
  for (const name of HOP_BY_HOP) headers.delete(name);
  // Internal credentials never come from the public side of the edge.
  headers.delete(INTERNAL_KEY_HEADER);
  headers.set(REQUEST_ID_HEADER, client.requestId);
  headers.set(
    "x-forwarded-for",
    client.forwardedFor ? `${client.forwardedFor}, ${client.ip}` : client.ip,
  );
  headers.set("x-forwarded-host", client.host);
  headers.set("x-forwarded-proto", client.proto);
  return headers;
}

/** Response headers for the browser: the upstream's minus hop-by-hop. */
export function downstreamHeaders(source: Headers): Headers {
  const headers = new Headers(source);
  for (const name of HOP_BY_HOP) headers.delete(name);
  return headers;
}

export interface ForwardInit {
  method: string;
  headers: Headers;
  body?: ReadableStream<Uint8Array> | null;
  /** Aborts the upstream call when the client goes away. */
  signal?: AbortSignal;
  /** Milliseconds until response headers must have arrived. */
  timeoutMs: number;
  /** Decode the body (cache fills want identity bytes); pass-through keeps the upstream encoding. */
  decompress?: boolean;
  upstream: string;
}

/** Fetches without following redirects; connection failures become 503, a header timeout 504. */
export async function forward(target: string, init: ForwardInit): Promise<Response> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), init.timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
  const started = performance.now();
  const took = () => (performance.now() - started) / 1000;
  try {
    const response = await tracedFetch(init.upstream, target, {
      method: init.method,
      headers: init.headers,
      body: init.body ?? undefined,
      redirect: "manual",
      signal,
      decompress: init.decompress ?? false,
      // Bun streams request bodies without buffering them.
      duplex: "half",
    } as RequestInit);
    // Time to response headers: bodies stream to the browser at its own pace.
    observeDependency(init.upstream, init.method, response.status >= 500 ? "error" : "ok", took());
    return response;
  } catch (error) {
    observeDependency(
      init.upstream,
      init.method,
      timeout.signal.aborted ? "timeout" : "error",
      took(),
    );
    if (timeout.signal.aborted) {
      throw new AppError("UPSTREAM_TIMEOUT", `The ${init.upstream} did not answer in time`, {
        cause: error,
      });
    }
    throw new AppError("UPSTREAM_UNAVAILABLE", `The ${init.upstream} is unavailable`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Wraps an upstream answer for the browser, streaming its body. */
export function relay(upstream: Response, extra?: (headers: Headers) => void): Response {
  const headers = downstreamHeaders(upstream.headers);
  extra?.(headers);
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers,
  });
}
