/**
 * Test helper: a stand-in for auth's public side. It serves a real JWKS over HTTP on port 0 and
 * signs access tokens with the platform's claims, so the member service's own verifier (remote
 * JWKS + revocation list) is exercised unchanged. It also answers auth's internal session-revoke
 * route as auth does (recording the calls, and for `revokeTokens` publishing the subject's
 * revocation with the platform's publisher, as auth — the one writer — does). The real auth
 * service, with the real member service, is exercised end to end in services/auth and e2e/.
 */
import { RevokeSessionsRequest } from "@shop/contracts";
import { publishRevocation } from "@shop/platform/redis";
import type { Redis } from "ioredis";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface TokenClaims {
  sub: string;
  role: "guest" | "customer" | "admin";
  sid?: string;
  name?: string;
}

export interface TokenIssuer {
  url: string;
  sign(
    claims: TokenClaims,
    options?: { expiresInSec?: number; audience?: string; iatOffsetSec?: number },
  ): Promise<string>;
  revokeCalls: Array<{
    sub: string;
    exceptSid?: string;
    revokeTokens: boolean;
    endSessions: boolean;
  }>;
  close(): Promise<void>;
}

export async function startTokenIssuer(revocations: {
  redis: Redis;
  prefix: string;
}): Promise<TokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "EdDSA", use: "sig" };
  const revokeCalls: TokenIssuer["revokeCalls"] = [];

  const server: Server = createServer((req, res) => {
    if (req.url === "/.well-known/jwks.json") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    if (req.url === "/internal/sessions/revoke" && req.method === "POST") {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const call = RevokeSessionsRequest.parse(JSON.parse(body));
        revokeCalls.push(call);
        const at = Math.floor(Date.now() / 1000);
        const published = call.revokeTokens
          ? publishRevocation(
              revocations.redis,
              { kind: "sub", id: call.sub, at },
              Date.now() + 960_000,
              revocations.prefix,
            )
          : Promise.resolve();
        void published.then(() =>
          res.writeHead(200, { "content-type": "application/json" }).end('{"revoked":1}'),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    revokeCalls,
    async sign(claims, options = {}) {
      const now = Math.floor(Date.now() / 1000) + (options.iatOffsetSec ?? 0);
      return new SignJWT({
        role: claims.role,
        sid: claims.sid ?? randomUUID(),
        ...(claims.name ? { name: claims.name } : {}),
      })
        .setProtectedHeader({ alg: "EdDSA", kid, typ: "JWT" })
        .setIssuer("shop-auth")
        .setAudience(options.audience ?? "shop-api")
        .setSubject(claims.sub)
        .setJti(randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + (options.expiresInSec ?? 600))
        .sign(privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
