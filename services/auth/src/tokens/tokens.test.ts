// Issue 3: alg none, tampered signature, expired token, wrong audience and a deleted member's
// token are all rejected with 401, by auth's /verify and by a gateway-style verifier.
import {
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  type TokenVerifier,
} from "@shop/platform";
import { createRevocationList, type RevocationList } from "@shop/platform/redis";
import { SignJWT } from "jose";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { loadKeyStore } from "../keys/keys.js";
import { ADMIN, startStack, type Stack } from "../testing/stack.js";

let stack: Stack;
let verifier: TokenVerifier;
let revocations: RevocationList;
let session: { accessToken: string; user: { id: string } };
before(async () => {
  stack = await startStack();
  revocations = createRevocationList(stack.redisUrl, { prefix: stack.redisPrefix });
  await revocations.start();
  verifier = createTokenVerifier({
    jwksUrl: `${stack.authUrl}/.well-known/jwks.json`,
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    revocations,
  });
  session = (
    await stack.call("/api/auth/register", {
      client: true,
      json: { email: "tok@example.com", password: "token-pass-123", name: "Tok" },
    })
  ).body;
});
after(async () => {
  await revocations.close();
  await stack.close();
});

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A token signed with auth's real key but with chosen claims. */
async function forge(
  claims: Record<string, unknown>,
  options: { audience?: string; iat?: number; exp?: number } = {},
) {
  const keys = await loadKeyStore({ keyDir: stack.keyDir, retainSec: 660 });
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: "customer", sid: crypto.randomUUID(), ...claims })
    .setProtectedHeader({ alg: "EdDSA", kid: keys.signing.kid })
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setSubject(session.user.id)
    .setJti(crypto.randomUUID())
    .setIssuedAt(options.iat ?? now)
    .setExpirationTime(options.exp ?? now + 600)
    .sign(keys.signing.privateKey);
}

async function assertRejected(name: string, token: string, code: RegExp) {
  const res = await stack.call("/api/auth/verify", { json: { token } });
  assert.equal(res.status, 401, `${name}: ${JSON.stringify(res.body)}`);
  assert.match(res.body.code, code, name);
  const me = await stack.call("/api/auth/me", { bearer: token });
  assert.equal(me.status, 401, `${name} on /me`);
  await assert.rejects(
    verifier.verify(token),
    (error: { status?: number }) => error.status === 401,
    name,
  );
}

test("a genuine token verifies", async () => {
  const res = await stack.call("/api/auth/verify", { json: { token: session.accessToken } });
  assert.equal(res.status, 200);
  assert.equal(res.body.active, true);
  assert.equal(res.body.sub, session.user.id);
  const header = JSON.parse(
    Buffer.from(session.accessToken.split(".")[0]!, "base64url").toString(),
  );
  assert.equal(header.alg, "EdDSA");
  assert.ok(header.kid);
});

test("alg none, a tampered payload or signature, an expired token and a wrong audience are 401", async () => {
  const [header, payload, signature] = session.accessToken.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<
    string,
    unknown
  >;
  const now = Math.floor(Date.now() / 1000);
  await assertRejected(
    "alg none",
    `${b64({ alg: "none", typ: "JWT" })}.${payload}.`,
    /AUTH_TOKEN_INVALID/,
  );
  await assertRejected(
    "HS256 with the public key",
    `${b64({ alg: "HS256", kid: JSON.parse(Buffer.from(header, "base64url").toString()).kid })}.${payload}.${signature}`,
    /AUTH_TOKEN_INVALID/,
  );
  await assertRejected(
    "promoted role",
    `${header}.${b64({ ...claims, role: "admin" })}.${signature}`,
    /AUTH_TOKEN_INVALID/,
  );
  await assertRejected(
    "flipped signature",
    `${header}.${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`,
    /AUTH_TOKEN_INVALID/,
  );
  await assertRejected(
    "expired",
    await forge({}, { iat: now - 1200, exp: now - 600 }),
    /AUTH_TOKEN_EXPIRED/,
  );
  await assertRejected(
    "wrong audience",
    await forge({}, { audience: "another-api" }),
    /AUTH_TOKEN_INVALID/,
  );
  await assertRejected("unknown role", await forge({ role: "root" }), /AUTH_TOKEN_INVALID/);
});

test("the token of a deleted member is rejected", async () => {
  const doomed = await stack.call("/api/auth/register", {
    client: true,
    json: { email: "gone@example.com", password: "gone-pass-123", name: "Gone" },
  });
  const admin = await stack.call("/api/auth/login", { client: true, json: ADMIN });
  assert.equal(admin.status, 200);
  const deleted = await stack.call(`/api/members/${doomed.body.user.id}`, {
    member: true,
    method: "DELETE",
    bearer: admin.body.accessToken,
  });
  assert.equal(deleted.status, 204);
  await new Promise((r) => setTimeout(r, 100));
  await assertRejected("deleted member", doomed.body.accessToken, /AUTH_SESSION_REVOKED/);
  const refresh = await stack.call("/api/auth/refresh", {
    client: true,
    json: { refreshToken: doomed.body.refreshToken },
  });
  assert.equal(refresh.status, 401);
});

test("logging out with an expired access token still ends its session", async () => {
  const login = await stack.call("/api/auth/login", {
    client: true,
    json: { email: "tok@example.com", password: "token-pass-123" },
  });
  const { sid } = (
    await stack.call("/api/auth/verify", { json: { token: login.body.accessToken } })
  ).body;
  const now = Math.floor(Date.now() / 1000);
  const stale = await forge({ sid }, { iat: now - 1200, exp: now - 600 });
  const out = await stack.call("/api/auth/logout", { bearer: stale, json: {} });
  assert.equal(out.status, 204);
  const refresh = await stack.call("/api/auth/refresh", {
    client: true,
    json: { refreshToken: login.body.refreshToken },
  });
  assert.equal(refresh.status, 401);
  // A token of another issuer or audience names no session of ours.
  const foreign = await forge({ sid }, { audience: "another-api" });
  assert.equal((await stack.call("/api/auth/logout", { bearer: foreign, json: {} })).status, 401);
});
