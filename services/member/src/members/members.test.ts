import type { Member } from "@shop/contracts";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PASSWORD, startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const post = (payload: unknown, headers: Record<string, string> = h.internal) =>
  h.app.inject({ method: "POST", url: "/api/members", headers, payload: payload as object });

describe("creating members", () => {
  test("registration through the internal key creates a customer and never returns the hash", async () => {
    const res = await post({
      email: "  New.Person@Example.COM ",
      password: PASSWORD,
      name: " Lee ",
    });
    assert.equal(res.statusCode, 201);
    const member = res.json<Member>();
    assert.equal(member.email, "new.person@example.com");
    assert.equal(member.name, "Lee");
    assert.equal(member.role, "customer");
    assert.equal(member.status, "active");
    assert.equal(res.headers.location, `/api/members/${member.id}`);
    assert.doesNotMatch(res.body, /password|argon2/i);
  });

  test("email is unique regardless of case: 409 MEMBER_EMAIL_TAKEN and nothing written", async () => {
    await h.createMember({ email: "dup@example.com" });
    const before = await h.countMembers();
    const res = await post({ email: "DUP@example.com", password: PASSWORD, name: "Again" });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, "MEMBER_EMAIL_TAKEN");
    assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
    assert.equal(await h.countMembers(), before);
  });

  test("bad input gets the right 4xx with field errors and writes nothing", async () => {
    const before = await h.countMembers();
    const cases: Array<{ payload: unknown; status: number; code: string; field?: string }> = [
      { payload: {}, status: 400, code: "VALIDATION_FAILED", field: "email" },
      {
        payload: { email: "not-an-email", password: PASSWORD, name: "X" },
        status: 400,
        code: "VALIDATION_FAILED",
        field: "email",
      },
      {
        payload: { email: "long@example.com", password: PASSWORD, name: "x".repeat(101) },
        status: 400,
        code: "VALIDATION_FAILED",
        field: "name",
      },
      {
        payload: { email: "long@example.com", password: "p".repeat(129), name: "X" },
        status: 400,
        code: "VALIDATION_FAILED",
        field: "password",
      },
      {
        payload: { email: `${"a".repeat(250)}@example.com`, password: PASSWORD, name: "X" },
        status: 400,
        code: "VALIDATION_FAILED",
        field: "email",
      },
      {
        payload: { email: "weak@example.com", password: "password123", name: "X" },
        status: 400,
        code: "PASSWORD_TOO_WEAK",
        field: "password",
      },
      {
        payload: { email: "short@example.com", password: "abc12", name: "X" },
        status: 400,
        code: "PASSWORD_TOO_WEAK",
        field: "password",
      },
      {
        payload: {
          email: "addr@example.com",
          password: PASSWORD,
          name: "X",
          shippingAddress: { recipient: "X" },
        },
        status: 400,
        code: "VALIDATION_FAILED",
        field: "shippingAddress.postalCode",
      },
    ];
    for (const c of cases) {
      const res = await post(c.payload);
      assert.equal(
        res.statusCode,
        c.status,
        `${JSON.stringify(c.payload).slice(0, 80)} → ${res.body}`,
      );
      const problem = res.json();
      assert.equal(problem.code, c.code);
      if (c.field)
        assert.ok(
          problem.errors.some((e: { field: string }) => e.field === c.field),
          res.body,
        );
    }
    assert.equal(await h.countMembers(), before);
  });

  test("malformed JSON is 400 MALFORMED_JSON and an oversized body is 413", async () => {
    const malformed = await h.app.inject({
      method: "POST",
      url: "/api/members",
      headers: { ...h.internal, "content-type": "application/json" },
      payload: '{"email": "x@example.com",',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().code, "MALFORMED_JSON");
    const before = await h.countMembers();
    const huge = await post({
      email: "huge@example.com",
      password: PASSWORD,
      name: "X",
      padding: "x".repeat(70 * 1024),
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().code, "BODY_TOO_LARGE");
    assert.equal(await h.countMembers(), before);
  });

  test("without credentials 401; a customer cannot create; only an admin creates admins", async () => {
    const payload = {
      email: "staff@example.com",
      password: PASSWORD,
      name: "Staff",
      role: "admin",
    };
    assert.equal((await post(payload, {})).statusCode, 401);
    assert.equal(
      (await post(payload, { "x-internal-key": "wrong-key" })).json().code,
      "INTERNAL_AUTH_REQUIRED",
    );
    assert.equal(
      (await post(payload, await h.bearer(crypto.randomUUID(), "customer"))).statusCode,
      403,
    );
    const viaRegistration = await post(payload);
    assert.equal(viaRegistration.statusCode, 403);
    assert.equal(viaRegistration.json().errors[0].field, "role");
    const byAdmin = await post(payload, await h.bearer(crypto.randomUUID(), "admin"));
    assert.equal(byAdmin.statusCode, 201);
    assert.equal(byAdmin.json().role, "admin");
  });
});
