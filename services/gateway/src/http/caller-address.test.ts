/** Client address behind trusted proxies (addresses and networks), and CORS helpers. */
import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { describe, it } from "node:test";
import { clientAddress, TrustedProxies } from "./caller-address.js";

function request(peer: string, headers: Record<string, string> = {}): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
}

describe("client address", () => {
  const trusted = new TrustedProxies(["127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"]);

  it("recognises trusted addresses, networks and IPv4-mapped IPv6 peers", () => {
    assert.ok(trusted.has("127.0.0.1"));
    assert.ok(trusted.has("::ffff:127.0.0.1"));
    assert.ok(trusted.has("10.1.2.3"));
    assert.ok(trusted.has("::ffff:10.9.9.9"));
    assert.ok(trusted.has("fd12::1"));
    assert.ok(!trusted.has("203.0.113.5"));
    assert.ok(!trusted.has("11.0.0.1"));
    assert.throws(() => new TrustedProxies(["not-an-ip"]));
  });

  it("believes X-Forwarded-For only from trusted peers, taking the right-most untrusted hop", () => {
    assert.equal(
      clientAddress(
        request("10.0.0.7", { "x-forwarded-for": "198.51.100.1, 203.0.113.9, 10.0.0.2" }),
        trusted,
      ).ip,
      "203.0.113.9",
    );
    assert.equal(
      clientAddress(request("203.0.113.50", { "x-forwarded-for": "1.2.3.4" }), trusted).ip,
      "203.0.113.50",
    );
    assert.equal(clientAddress(request("127.0.0.1"), trusted).ip, "127.0.0.1");
    assert.equal(
      clientAddress(request("127.0.0.1", { "x-forwarded-proto": "https" }), trusted).proto,
      "https",
    );
    assert.equal(
      clientAddress(request("203.0.113.50", { "x-forwarded-proto": "https" }), trusted).proto,
      "http",
    );
  });
});
