// The test issuer's tokens verify like auth's: against its served JWKS, with the platform's claims.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from "jose";
import { startTestIssuer, type TestIssuer } from "./token-issuer.js";

describe("startTestIssuer", () => {
  let issuer: TestIssuer;
  let keys: ReturnType<typeof createRemoteJWKSet>;
  const verify = (token: string) =>
    jwtVerify(token, keys, { issuer: "shop-auth", audience: "shop-api", algorithms: ["EdDSA"] });

  before(async () => {
    issuer = await startTestIssuer();
    keys = createRemoteJWKSet(new URL(`${issuer.url}/.well-known/jwks.json`));
  });
  after(() => issuer.close());

  it("signs EdDSA tokens with its kid and the platform's claims, verifiable against its JWKS", async () => {
    const sub = randomUUID();
    const token = await issuer.sign({ sub, role: "customer", sid: "s-1", name: "Kim" });
    assert.deepEqual(decodeProtectedHeader(token), { alg: "EdDSA", kid: issuer.kid, typ: "JWT" });
    const { payload } = await verify(token);
    assert.equal(payload.sub, sub);
    assert.equal(payload.role, "customer");
    assert.equal(payload.sid, "s-1");
    assert.equal(payload.name, "Kim");
    assert.ok(typeof payload.jti === "string" && payload.jti.length > 0);
    assert.equal((payload.exp ?? 0) - (payload.iat ?? 0), 900);
  });

  it("makes expired and wrong-audience tokens that a verifier refuses", async () => {
    const expired = await issuer.sign({ sub: "guest_a1", role: "guest", expiresIn: -60 });
    await assert.rejects(verify(expired), errors.JWTExpired);
    const { payload } = await jwtVerify(expired, keys, {
      currentDate: new Date(Date.now() - 90_000),
    });
    assert.ok((payload.iat ?? 0) < (payload.exp ?? 0), "iat stays before exp");
    const otherAudience = await issuer.sign({
      sub: "m-1",
      role: "admin",
      audience: "someone-else",
    });
    await assert.rejects(verify(otherAudience), errors.JWTClaimValidationFailed);
  });

  it("answers 404 for anything but the JWKS", async () => {
    const res = await fetch(`${issuer.url}/api/auth/login`, { method: "POST" });
    assert.equal(res.status, 404);
  });
});
