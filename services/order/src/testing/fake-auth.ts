/** Stands in for the auth service in tests: serves a real JWKS and mints EdDSA tokens like auth does. */
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { randomUUID } from "node:crypto";
import { startFake, type FakeServer } from "./http-fake.js";

export interface FakeAuth extends FakeServer {
  token(role: "guest" | "customer" | "admin", sub?: string): Promise<string>;
}

export async function startFakeAuth(): Promise<FakeAuth> {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "EdDSA", use: "sig" };
  const server = await startFake(({ path }) => (path === "/.well-known/jwks.json" ? { status: 200, body: { keys: [jwk] } } : { status: 404 }));
  return {
    ...server,
    token: (role, sub) => mint(privateKey, role, sub ?? (role === "guest" ? `guest_${randomUUID().slice(0, 12)}` : randomUUID())),
  };
}

function mint(key: CryptoKey, role: string, sub: string): Promise<string> {
  return new SignJWT({ role, sid: randomUUID() })
    .setProtectedHeader({ alg: "EdDSA", kid: "test-key" })
    .setSubject(sub)
    .setJti(randomUUID())
    .setIssuer("shop-auth")
    .setAudience("shop-api")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);
}
