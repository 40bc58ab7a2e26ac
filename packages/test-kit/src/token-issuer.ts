/**
 * A test stand-in for the auth service's signing side: an Ed25519 key, its JWKS served over real
 * HTTP on port 0, and access tokens with the platform's claims. Services under test verify them
 * exactly as in production (remote JWKS, pinned EdDSA, issuer `shop-auth`, audience `shop-api`).
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

export type TestRole = "guest" | "customer" | "admin";

/** What goes into one access token. Everything but `sub` and `role` has a sensible default. */
export interface TokenClaims {
  sub: string;
  role: TestRole;
  /** Session id (default: a new uuid per token). */
  sid?: string;
  name?: string;
  /** Seconds from now until expiry (default 900; negative: already expired). */
  expiresIn?: number;
  /** Audience (default `shop-api`): set another to test audience pinning. */
  audience?: string;
  /** Issuer (default `shop-auth`). */
  issuer?: string;
}

export interface TestIssuer {
  /** Base URL to use as a service's AUTH_URL (serves `/.well-known/jwks.json`). */
  url: string;
  /** The `kid` of the signing key, as published in the JWKS. */
  kid: string;
  sign(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts an issuer on a free port.
 *
 * `iat` is set a minute before `exp` for already-expired tokens, so an expired token is never
 * issued in the future.
 *
 * @example
 * const issuer = await startTestIssuer();
 * after(() => issuer.close());
 * const token = await issuer.sign({ sub: randomUUID(), role: "admin" });
 * const expired = await issuer.sign({ sub: "guest_ab12", role: "guest", expiresIn: -60 });
 */
export async function startTestIssuer(): Promise<TestIssuer> {
  const kid = randomUUID();
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid, alg: "EdDSA", use: "sig" }],
  });
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/.well-known/jwks.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(jwks);
    } else {
      res
        .writeHead(404, { "content-type": "application/problem+json" })
        .end('{"status":404,"code":"ROUTE_NOT_FOUND"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    kid,
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
        .setIssuer(claims.issuer ?? "shop-auth")
        .setAudience(claims.audience ?? "shop-api")
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
