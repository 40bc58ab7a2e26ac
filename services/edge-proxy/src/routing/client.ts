/** Who is asking: client IP (honouring only trusted proxy hops), host, scheme and request id. */
import type { Server } from "bun";
import { requestIdOf } from "@shop/platform/bun";
import type { ClientInfo } from "./upstream.js";

export function clientInfo(
  request: Request,
  url: URL,
  server: Server<unknown> | undefined,
  trustedHops: number,
): ClientInfo {
  const address = server?.requestIP(request)?.address ?? "0.0.0.0";
  const socketIp = address.startsWith("::ffff:") ? address.slice(7) : address;
  let ip = socketIp;
  let forwardedFor: string | undefined;
  if (trustedHops > 0) {
    const received = request.headers.get("x-forwarded-for");
    if (received) {
      const hops = received
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      // The entry the farthest trusted proxy saw; everything left of it is client-controlled.
      ip = hops[Math.max(0, hops.length - trustedHops)] ?? socketIp;
      forwardedFor = received;
    }
  }
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return {
    ip,
    forwardedFor,
    requestId: requestIdOf(request),
    host: request.headers.get("host") ?? url.host,
    proto: proto === "https" || (!proto && url.protocol === "https:") ? "https" : "http",
    // A page rendered for everyone must not take the scheme from an untrusted caller's header.
    sharedProto:
      (trustedHops > 0 && proto === "https") || url.protocol === "https:" ? "https" : "http",
  };
}
