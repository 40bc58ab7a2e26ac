/** Who is calling: the client address behind trusted proxies, and internal-caller checks. */
import { forwardedClientIp, safeEqual, type TrustedProxies } from "@shop/platform";

export { TrustedProxies } from "@shop/platform";
import type { IncomingMessage } from "node:http";

export interface ClientAddress {
  ip: string;
  /** The X-Forwarded-For chain received (kept for the upstreams' logs). */
  forwardedFor: string | undefined;
  proto: string;
}

/**
 * The client IP: the peer address, unless the peer is a trusted proxy (the edge proxy, the
 * storefront server), in which case the right-most untrusted address of X-Forwarded-For.
 */
export function clientAddress(
  req: IncomingMessage,
  trusted: Pick<TrustedProxies, "has">,
): ClientAddress {
  const peer = req.socket.remoteAddress ?? "unknown";
  const header = req.headers["x-forwarded-for"];
  const forwardedFor = Array.isArray(header) ? header.join(", ") : header;
  if (!trusted.has(peer)) return { ip: peer, forwardedFor, proto: "http" };
  const protoHeader = req.headers["x-forwarded-proto"];
  const proto = protoHeader === "https" ? "https" : "http";
  return { ip: forwardedClientIp(peer, forwardedFor, trusted), forwardedFor, proto };
}

/** X-Cache-Refresh counts only from callers presenting the internal key (warm-up runs in process). */
export function isInternalCaller(req: IncomingMessage, internalKey: string): boolean {
  const value = req.headers["x-internal-key"];
  return typeof value === "string" && safeEqual(value, internalKey);
}

export function wantsRefresh(req: IncomingMessage, internalKey: string): boolean {
  const value = req.headers["x-cache-refresh"];
  return (value === "true" || value === "1") && isInternalCaller(req, internalKey);
}
