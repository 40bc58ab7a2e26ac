/** Who is asking: client IP (the platform's one rule for trusted proxies), host, scheme and request id. */
import type { Server } from "bun";
import { forwardedClientIp, type TrustedProxies } from "@shop/platform";
import { requestIdOf } from "@shop/platform/bun";
import type { ClientInfo } from "./upstream.js";

export function clientInfo(
  request: Request,
  url: URL,
  server: Server<unknown> | undefined,
  trusted: TrustedProxies,
): ClientInfo {
  const address = server?.requestIP(request)?.address ?? "0.0.0.0";
  const socketIp = address.startsWith("::ffff:") ? address.slice(7) : address;
  const fromProxy = trusted.has(socketIp);
  const received = request.headers.get("x-forwarded-for") ?? undefined;
  // Everything left of the right-most untrusted hop was written by the caller.
  const ip = fromProxy ? forwardedClientIp(socketIp, received, trusted) : socketIp;
  const forwardedFor = fromProxy ? received : undefined;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return {
    ip,
    forwardedFor,
    requestId: requestIdOf(request),
    host: request.headers.get("host") ?? url.host,
    proto: proto === "https" || (!proto && url.protocol === "https:") ? "https" : "http",
    // A page rendered for everyone must not take the scheme from an untrusted caller's header.
    sharedProto: (fromProxy && proto === "https") || url.protocol === "https:" ? "https" : "http",
  };
}
