/** Who is calling: the client address behind trusted proxies, and internal-caller checks. */
import { safeEqual } from "@shop/platform";
import type { IncomingMessage } from "node:http";
import { BlockList, isIPv4, isIPv6 } from "node:net";

export interface ClientAddress {
  ip: string;
  /** The X-Forwarded-For chain received (kept for the upstreams' logs). */
  forwardedFor: string | undefined;
  proto: string;
}

/** Trusted proxy addresses and networks (`10.0.0.0/8`, `fd00::/8`), with a memo of answers per address. */
export class TrustedProxies {
  private readonly list = new BlockList();
  private readonly memo = new Map<string, boolean>();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address = "", bits] = entry.split("/");
      const family = isIPv6(address) ? "ipv6" : "ipv4";
      if (!isIPv4(address) && !isIPv6(address))
        throw new Error(`trusted proxy "${entry}" is not an IP address or network`);
      if (bits === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(bits), family);
    }
  }

  has(address: string): boolean {
    let answer = this.memo.get(address);
    if (answer === undefined) {
      const plain =
        address.startsWith("::ffff:") && isIPv4(address.slice(7)) ? address.slice(7) : address;
      answer = isIPv4(plain)
        ? this.list.check(plain, "ipv4") || this.list.check(address, "ipv6")
        : isIPv6(plain) && this.list.check(plain, "ipv6");
      if (this.memo.size > 10_000) this.memo.clear();
      this.memo.set(address, answer);
    }
    return answer;
  }
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
  if (!forwardedFor) return { ip: peer, forwardedFor, proto };
  const hops = forwardedFor.split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!.trim();
    if (hop && !trusted.has(hop)) return { ip: hop, forwardedFor, proto };
  }
  return { ip: hops[0]?.trim() || peer, forwardedFor, proto };
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
