/**
 * A test stand-in for the auth service's signing side: an Ed25519 key, its JWKS served over real
 * HTTP, and access tokens with the platform's claims. Services verify them exactly as in production.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

export interface TokenClaims {
  sub: string;
  role: "guest" | "customer" | "admin";
  sid?: string;
  /** Seconds from now until expiry (negative: already expired). */
  expiresIn?: number;
  name?: string;
}

export interface TestIssuer {
  /** Base URL to use as AUTH_URL (serves `/.well-known/jwks.json`). */
  url: string;
  sign(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const kid = randomUUID();
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid, alg: "EdDSA", use: "sig" }],
  });
  const server = createServer((req, res) => {
    if (req.url === "/.well-known/jwks.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(jwks);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    async sign(claims) {
      const now = Math.floor(Date.now() / 1000);
      const expiresIn = claims.expiresIn ?? 900;
      return new SignJWT({
        role: claims.role,
        sid: claims.sid ?? randomUUID(),
        ...(claims.name ? { name: claims.name } : {}),
      })
        .setProtectedHeader({ alg: "EdDSA", kid, typ: "JWT" })
        .setSubject(claims.sub)
        .setIssuer("shop-auth")
        .setAudience("shop-api")
        .setJti(randomUUID())
        .setIssuedAt(Math.min(now, now + expiresIn - 60))
        .setExpirationTime(now + expiresIn)
        .sign(privateKey);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
