import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const verify = (payload: object, headers: Record<string, string> = h.internal) =>
  h.app.inject({ method: "POST", url: "/internal/credentials/verify", headers, payload });

test("internal routes need the internal key", async () => {
  for (const headers of [{}, { "x-internal-key": "wrong" }] as Array<Record<string, string>>) {
    const res = await verify({ email: "a@example.com", password: PASSWORD }, headers);
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, "INTERNAL_AUTH_REQUIRED");
  }
  const token = await h.bearer(crypto.randomUUID(), "admin");
  assert.equal(
    (
      await h.app.inject({
        method: "GET",
        url: `/internal/members/${crypto.randomUUID()}`,
        headers: token,
      })
    ).statusCode,
    401,
  );
});

test("the credential check answers the member for a match and one identical 401 otherwise", async () => {
  const member = await h.createMember({ email: "Login@Example.com" });
  const ok = await verify({ email: "LOGIN@example.com", password: PASSWORD });
  assert.equal(ok.statusCode, 200);
  assert.deepEqual(ok.json(), {
    id: member.id,
    email: "login@example.com",
    name: member.name,
    role: "customer",
    status: "active",
  });

  const wrong = await verify({ email: "login@example.com", password: "wrong-password-1" });
  const unknown = await verify({ email: "nobody@example.com", password: "wrong-password-1" });
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.statusCode, 401);
  const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
  assert.deepEqual(strip(wrong.json()), strip(unknown.json()));
  assert.equal(wrong.json().code, "AUTH_INVALID_CREDENTIALS");
});

test("an unknown email costs about as long as a wrong password (a dummy hash is checked)", async () => {
  await h.createMember({ email: "timing@example.com" });
  const time = async (email: string) => {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      await verify({ email, password: "wrong-password-1" });
      samples.push(performance.now() - started);
    }
    return samples.sort((a, b) => a - b)[3]!;
  };
  await time("warmup@example.com");
  const known = await time("timing@example.com");
  const unknown = await time("nobody-here@example.com");
  assert.ok(
    unknown > known * 0.6 && unknown < known * 1.6,
    `known ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms`,
  );
});

test("lookup names members by id, skipping unknown and malformed ids", async () => {
  const a = await h.createMember({ name: "Author A" });
  const b = await h.createMember({ name: "Author B" });
  const res = await h.app.inject({
    method: "POST",
    url: "/internal/members/lookup",
    headers: h.internal,
    payload: { ids: [a.id, b.id, a.id, crypto.randomUUID(), "not-a-uuid"] },
  });
  assert.equal(res.statusCode, 200);
  const items = res.json().items as Array<{ id: string; name: string }>;
  assert.deepEqual(items.map((i) => i.name).sort(), ["Author A", "Author B"]);
  const tooMany = await h.app.inject({
    method: "POST",
    url: "/internal/members/lookup",
    headers: h.internal,
    payload: { ids: Array(201).fill(a.id) },
  });
  assert.equal(tooMany.statusCode, 400);
});

test("the internal member read includes the shipping address and never the hash", async () => {
  const member = await h.createMember();
  const address = {
    recipient: "Choi",
    postalCode: "04524",
    line1: "Sejong-daero 110",
    line2: null,
  };
  await h.app.inject({
    method: "PATCH",
    url: "/api/members/me",
    headers: await h.bearer(member.id),
    payload: { shippingAddress: address },
  });
  const res = await h.app.inject({
    method: "GET",
    url: `/internal/members/${member.id}`,
    headers: h.internal,
  });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json().shippingAddress, address);
  assert.doesNotMatch(res.body, /password|argon2/i);
  const missing = await h.app.inject({
    method: "GET",
    url: `/internal/members/${crypto.randomUUID()}`,
    headers: h.internal,
  });
  assert.equal(missing.json().code, "MEMBER_NOT_FOUND");
});
