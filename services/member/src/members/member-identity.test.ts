import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
let memberId: string;
before(async () => {
  h = await startHarness();
  memberId = (await h.createMember()).id;
});
after(() => h.close());

const me = (headers: Record<string, string>) =>
  h.app.inject({ method: "GET", url: "/api/members/me", headers });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

test("a valid token reads the member", async () => {
  const res = await me({
    authorization: `Bearer ${await h.issuer.sign({ sub: memberId, role: "customer" })}`,
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().id, memberId);
});

test("identity headers are never trusted without a token", async () => {
  const res = await me({ "x-user-id": memberId, "x-user-role": "admin" });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, "AUTH_REQUIRED");
});

test("alg none, a tampered signature, an expired token and a wrong audience are all 401", async () => {
  const good = await h.issuer.sign({ sub: memberId, role: "customer" });
  const [header, payload, signature] = good.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<
    string,
    unknown
  >;

  const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${payload}.`;
  const promoted = `${header}.${b64({ ...claims, role: "admin" })}.${signature}`;
  const flipped = `${header}.${payload}.${signature.slice(0, -4)}${signature.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
  const expired = await h.issuer.sign(
    { sub: memberId, role: "customer" },
    { expiresInSec: -60, iatOffsetSec: -700 },
  );
  const audience = await h.issuer.sign(
    { sub: memberId, role: "customer" },
    { audience: "someone-else" },
  );

  const cases = { unsigned, promoted, flipped, expired, audience, garbage: "not.a.jwt" };
  for (const [name, token] of Object.entries(cases)) {
    const res = await me({ authorization: `Bearer ${token}` });
    assert.equal(res.statusCode, 401, `${name}: ${res.body}`);
    assert.match(res.json().code, /^AUTH_TOKEN_(INVALID|EXPIRED)$/, name);
    assert.match(String(res.headers["www-authenticate"]), /^Bearer/, name);
  }
  assert.equal(
    (await me({ authorization: `Bearer ${expired}` })).json().code,
    "AUTH_TOKEN_EXPIRED",
  );
});

test("a token of a deleted member is rejected", async () => {
  const doomed = await h.createMember();
  const token = await h.issuer.sign({ sub: doomed.id, role: "customer" });
  const admin = await h.bearer(crypto.randomUUID(), "admin");
  await h.app.inject({ method: "DELETE", url: `/api/members/${doomed.id}`, headers: admin });
  const res = await me({ authorization: `Bearer ${token}` });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, "AUTH_SESSION_REVOKED");
});
