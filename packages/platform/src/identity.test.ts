import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, test } from "node:test";
import { createTestRedis } from "@shop/test-kit";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { AppError } from "./errors/app-error.js";
import {
  bearerToken,
  canActFor,
  createTokenVerifier,
  requireRole,
  safeEqual,
  type Identity,
} from "./identity.js";
import { createRevocationList, publishRevocation } from "./redis.js";

const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "k1", alg: "EdDSA", use: "sig" };
const keys = createLocalJWKSet({ keys: [jwk] });
const issuer = "shop-auth";
const audience = "shop-api";

function mint(
  claims: Record<string, unknown> = {},
  options: { exp?: string; aud?: string; kid?: string } = {},
) {
  return new SignJWT({ role: "customer", sid: "s1", name: "Kim", ...claims })
    .setProtectedHeader({ alg: "EdDSA", kid: options.kid ?? "k1" })
    .setSubject("m1")
    .setIssuer(issuer)
    .setAudience(options.aud ?? audience)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(options.exp ?? "10m")
    .sign(privateKey);
}

const verifier = createTokenVerifier({ keys, issuer, audience });
const rejectsWith = (token: string, code: string, v = verifier) =>
  assert.rejects(v.verify(token), (e: unknown) => e instanceof AppError && e.code === code);

test("a valid token yields the identity", async () => {
  const identity = await verifier.verify(await mint());
  assert.equal(identity.sub, "m1");
  assert.equal(identity.role, "customer");
  assert.equal(identity.sid, "s1");
  assert.equal(identity.name, "Kim");
});

test("expired, wrong audience, tampered, alg none and unknown role are rejected", async () => {
  await rejectsWith(await mint({}, { exp: "-1m" }), "AUTH_TOKEN_EXPIRED");
  await rejectsWith(await mint({}, { aud: "someone-else" }), "AUTH_TOKEN_INVALID");
  const [h, p, s] = (await mint()).split(".");
  const forged = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), role: "admin" }),
  ).toString("base64url");
  await rejectsWith(`${h}.${forged}.${s}`, "AUTH_TOKEN_INVALID");
  const none = `${Buffer.from(JSON.stringify({ alg: "none", kid: "k1" })).toString("base64url")}.${p}.`;
  await rejectsWith(none, "AUTH_TOKEN_INVALID");
  await rejectsWith(await mint({ role: "root" }), "AUTH_TOKEN_INVALID");
});

test("a revoked session is rejected within a second, for every verifier with the list", async () => {
  const { redis, prefix, url, cleanup } = await createTestRedis("platform-revocation");
  const list = createRevocationList(url, { prefix });
  await list.start();
  after(async () => {
    await list.close();
    await cleanup();
  });
  const guarded = createTokenVerifier({ keys, issuer, audience, revocations: list });
  const token = await mint({ sid: "session-to-end" });
  await guarded.verify(token);
  await publishRevocation(
    redis,
    { kind: "sid", id: "session-to-end" },
    Date.now() + 60_000,
    prefix,
  );
  const deadline = Date.now() + 1000;
  while (list.size === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await rejectsWith(token, "AUTH_SESSION_REVOKED", guarded);

  // Revoking a subject kills the tokens issued up to that moment, not later ones.
  const before = await mint({ sid: "other" });
  await publishRevocation(
    redis,
    { kind: "sub", id: "m1", at: Math.floor(Date.now() / 1000) },
    Date.now() + 60_000,
    prefix,
  );
  await new Promise((r) => setTimeout(r, 100));
  await rejectsWith(before, "AUTH_SESSION_REVOKED", guarded);

  // A list started later loads what is already revoked.
  const late = createRevocationList(url, { prefix });
  await late.start();
  assert.equal(late.isRevoked({ sid: "session-to-end" } as Identity), true);
  await late.close();
});

test("bearer parsing, roles, ownership and constant-time comparison", () => {
  assert.equal(bearerToken("Bearer abc.def.ghi"), "abc.def.ghi");
  assert.equal(bearerToken("Basic abc"), undefined);
  assert.equal(bearerToken(undefined), undefined);
  const customer = { sub: "m1", role: "customer" } as Identity;
  assert.throws(
    () => requireRole(undefined, "customer"),
    (e: unknown) => e instanceof AppError && e.code === "AUTH_REQUIRED",
  );
  assert.throws(
    () => requireRole(customer, "admin"),
    (e: unknown) => e instanceof AppError && e.code === "FORBIDDEN",
  );
  assert.equal(requireRole(customer, "customer", "admin"), customer);
  assert.equal(canActFor(customer, "m1"), true);
  assert.equal(canActFor(customer, "m2"), false);
  assert.equal(canActFor({ sub: "a", role: "admin" } as Identity, "m2"), true);
  assert.equal(safeEqual("secret", "secret"), true);
  assert.equal(safeEqual("secret", "secreT"), false);
  assert.equal(safeEqual("secret", "longer-secret"), false);
});
