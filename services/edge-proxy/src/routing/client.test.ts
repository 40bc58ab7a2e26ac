import { describe, expect, test } from "bun:test";
import { TrustedProxies } from "@shop/platform";
import type { Server } from "bun";
import { clientInfo } from "./client.js";

function from(peer: string, headers: Record<string, string> = {}) {
  const request = new Request("http://shop.test/", { headers });
  const server = { requestIP: () => ({ address: peer, family: "IPv4", port: 1 }) };
  return { request, url: new URL(request.url), server: server as unknown as Server<unknown> };
}

describe("who the client is (the platform's one rule)", () => {
  const balancer = new TrustedProxies(["10.0.0.0/8"]);

  test("with no trusted proxy the peer is the client, whatever X-Forwarded-For says", () => {
    const { request, url, server } = from("198.51.100.4", { "x-forwarded-for": "1.2.3.4" });
    const client = clientInfo(request, url, server, new TrustedProxies([]));
    expect(client.ip).toBe("198.51.100.4");
    expect(client.forwardedFor).toBeUndefined();
  });

  test("behind a trusted balancer the right-most untrusted hop is the client; a spoofed left part is ignored", () => {
    const { request, url, server } = from("10.0.0.5", {
      "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.7",
      "x-forwarded-proto": "https",
    });
    const client = clientInfo(request, url, server, balancer);
    expect(client.ip).toBe("203.0.113.9");
    expect(client.sharedProto).toBe("https");
  });

  test("an untrusted peer's X-Forwarded-Proto never decides the scheme of shared renders", () => {
    const { request, url, server } = from("203.0.113.50", { "x-forwarded-proto": "https" });
    expect(clientInfo(request, url, server, balancer).sharedProto).toBe("http");
  });
});
