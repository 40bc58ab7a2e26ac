/**
 * One rule for "who is the client" in every part: the peer address, unless the peer is a trusted
 * proxy (the edge, the gateway, a load balancer in front), in which case the right-most
 * X-Forwarded-For hop that is not itself trusted. Everything left of that hop was written by the
 * caller and is never believed, so nobody picks their own address for a per-IP limit.
 */
import { BlockList, isIPv4, isIPv6 } from "node:net";

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

/** Loopback only: what a part trusts when it is told nothing else. */
export const LOOPBACK_PROXIES = ["127.0.0.1", "::1", "::ffff:127.0.0.1"] as const;

/** The client's address from the peer and the X-Forwarded-For it sent (see the rule above). */
export function forwardedClientIp(
  peer: string,
  forwardedFor: string | undefined,
  trusted: Pick<TrustedProxies, "has">,
): string {
  if (!forwardedFor || !trusted.has(peer)) return peer;
  const hops = forwardedFor.split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!.trim();
    if (hop && !trusted.has(hop)) return hop;
  }
  return hops[0]?.trim() || peer;
}
