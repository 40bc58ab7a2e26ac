/** Header filtering for both directions of the proxy (hop-by-hop, identity, internal headers). */
import type { Identity } from "@shop/platform";
import { tracePropagationHeaders } from "@shop/platform/tracing";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

// Never forwarded from the caller: identity is asserted by the gateway only, internal keys and
// cache controls are for internal callers, and the forwarding headers are rebuilt here.
const DROPPED_FROM_CLIENT = new Set([
  ...HOP_BY_HOP,
  "host",
  "x-internal-key",
  "x-cache-refresh",
  "x-request-id",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "forwarded",
]);

export interface ForwardContext {
  requestId: string;
  clientIp: string;
  forwardedFor: string | undefined;
  proto: string;
  host: string | undefined;
  identity: Identity | undefined;
  /** Drop these caller headers as well (cached fetches are made anonymously). */
  anonymous?: boolean;
}

/** Flat [name, value, …] headers for the upstream request, from the caller's raw headers. */
export function upstreamRequestHeaders(rawHeaders: string[], ctx: ForwardContext): string[] {
  const out: string[] = [];
  const extraHop = connectionTokens(rawHeaders);
  // With tracing on, the undici instrumentation adds the gateway's own traceparent: a copied one
  // would make two. With tracing off the caller's passes through and the trace stays whole.
  const traced = tracePropagationHeaders();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    const lower = name.toLowerCase();
    if (DROPPED_FROM_CLIENT.has(lower) || lower.startsWith("x-user-") || extraHop?.has(lower))
      continue;
    if (traced.length && traced.includes(lower)) continue;
    if (lower === "x-session-id") continue;
    if (
      ctx.anonymous &&
      (lower === "authorization" || lower === "cookie" || lower === "accept-encoding")
    )
      continue;
    out.push(name, rawHeaders[i + 1]!);
  }
  out.push(
    "x-request-id",
    ctx.requestId,
    "x-forwarded-for",
    ctx.forwardedFor ? `${ctx.forwardedFor}, ${ctx.clientIp}` : ctx.clientIp,
    "x-forwarded-proto",
    ctx.proto,
  );
  if (ctx.host) out.push("x-forwarded-host", ctx.host);
  if (ctx.identity) {
    // For logging and display upstream only: services verify the Bearer token themselves.
    out.push(
      "x-user-id",
      ctx.identity.sub,
      "x-user-role",
      ctx.identity.role,
      "x-session-id",
      ctx.identity.sid,
    );
  }
  return out;
}

function connectionTokens(rawHeaders: string[]): Set<string> | undefined {
  let tokens: Set<string> | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.length !== 10 || rawHeaders[i]!.toLowerCase() !== "connection") continue;
    for (const token of rawHeaders[i + 1]!.split(",")) {
      const t = token.trim().toLowerCase();
      if (t && t !== "close" && t !== "keep-alive") (tokens ??= new Set()).add(t);
    }
  }
  return tokens;
}

/** Flat headers of an upstream answer to pass on, without hop-by-hop and without its request id. */
export function downstreamHeaders(raw: Buffer[] | string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toString("latin1");
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || lower === "x-request-id") continue;
    out.push(name, raw[i + 1]!.toString("latin1"));
  }
  return out;
}

/** The value of a header in a flat list (case-insensitive, first occurrence). */
export function headerValue(flat: string[], name: string): string | undefined {
  for (let i = 0; i < flat.length; i += 2) {
    if (flat[i]!.toLowerCase() === name) return flat[i + 1];
  }
  return undefined;
}

/** A copy of flat headers without `name` (lower-case). */
export function withoutHeader(flat: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    if (flat[i]!.toLowerCase() !== name) out.push(flat[i]!, flat[i + 1]!);
  }
  return out;
}
