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

describe("who may read, edit and delete", () => {
  test("a customer cannot read, edit or delete another member; an admin can", async () => {
    const alice = await h.createMember();
    const bob = await h.createMember();
    const asAlice = await h.bearer(alice.id);
    const asAdmin = await h.bearer(crypto.randomUUID(), "admin");

    for (const [method, payload] of [["GET"], ["PATCH", { name: "Hacked" }], ["DELETE"]] as const) {
      const res = await h.app.inject({
        method,
        url: `/api/members/${bob.id}`,
        headers: asAlice,
        ...(payload ? { payload } : {}),
      });
      assert.equal(res.statusCode, 403, `${method}: ${res.body}`);
      assert.equal(res.json().code, "FORBIDDEN");
    }
    const stillBob = await h.app.inject({
      method: "GET",
      url: `/api/members/${bob.id}`,
      headers: asAdmin,
    });
    assert.equal(stillBob.statusCode, 200);
    assert.equal(stillBob.json().name, bob.name);

    const renamed = await h.app.inject({
      method: "PATCH",
      url: `/api/members/${bob.id}`,
      headers: asAdmin,
      payload: { name: "Robert" },
    });
    assert.equal(renamed.json().name, "Robert");
    const deleted = await h.app.inject({
      method: "DELETE",
      url: `/api/members/${bob.id}`,
      headers: asAdmin,
    });
    assert.equal(deleted.statusCode, 204);
    assert.equal(
      (await h.app.inject({ method: "GET", url: `/api/members/${bob.id}`, headers: asAdmin }))
        .statusCode,
      404,
    );
  });

  test("members edit their own profile; only an admin changes role, status or email", async () => {
    const me = await h.createMember();
    const asMe = await h.bearer(me.id);
    const address = {
      recipient: "Kim Minji",
      postalCode: "06236",
      line1: "Teheran-ro 152",
      line2: "12F",
    };
    const edited = await h.app.inject({
      method: "PATCH",
      url: "/api/members/me",
      headers: asMe,
      payload: { phone: "010-1234-5678", shippingAddress: address },
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(edited.json().shippingAddress, address);
    assert.equal(edited.json().phone, "010-1234-5678");

    const promote = await h.app.inject({
      method: "PATCH",
      url: `/api/members/${me.id}`,
      headers: asMe,
      payload: { role: "admin" },
    });
    assert.equal(promote.statusCode, 403);
    assert.equal(promote.json().errors[0].field, "role");
    const self = await h.app.inject({ method: "GET", url: "/api/members/me", headers: asMe });
    assert.equal(self.json().role, "customer");

    const empty = await h.app.inject({
      method: "PATCH",
      url: "/api/members/me",
      headers: asMe,
      payload: {},
    });
    assert.equal(empty.statusCode, 400);
    const cleared = await h.app.inject({
      method: "PATCH",
      url: "/api/members/me",
      headers: asMe,
      payload: { shippingAddress: null },
    });
    assert.equal(cleared.json().shippingAddress, null);
  });

  test("an admin changing a role revokes the member's tokens everywhere", async () => {
    const member = await h.createMember();
    const asMember = await h.bearer(member.id);
    const asAdmin = await h.bearer(crypto.randomUUID(), "admin");
    const res = await h.app.inject({
      method: "PATCH",
      url: `/api/members/${member.id}`,
      headers: asAdmin,
      payload: { status: "disabled" },
    });
    assert.equal(res.json().status, "disabled");
    const entries = await h.redis.zrange(`${h.config.REDIS_PREFIX}identity:revoked`, 0, -1);
    assert.ok(
      entries.some((e) => e.startsWith(`sub:${member.id}:`)),
      entries.join(),
    );
    const after = await h.app.inject({ method: "GET", url: "/api/members/me", headers: asMember });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().code, "AUTH_SESSION_REVOKED");
  });

  test("deleting yourself revokes your tokens within a second and ends your sessions at auth", async () => {
    const me = await h.createMember();
    const asMe = await h.bearer(me.id);
    const res = await h.app.inject({
      method: "DELETE",
      url: `/api/members/${me.id}`,
      headers: asMe,
    });
    assert.equal(res.statusCode, 204);
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 1000) {
      status = (await h.app.inject({ method: "GET", url: "/api/members/me", headers: asMe }))
        .statusCode;
      if (status === 401) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(status, 401);
    assert.ok(
      h.issuer.revokeCalls.some((call) => call.sub === me.id && call.exceptSid === undefined),
    );
  });

  test("the last active admin cannot delete, demote or disable themself", async () => {
    const admin = await h.createMember();
    const anyAdmin = await h.bearer(crypto.randomUUID(), "admin");
    // Make this the only real admin in the table (admins created by earlier tests are deleted).
    const list = await h.app.inject({
      method: "GET",
      url: "/api/members?role=admin&limit=100",
      headers: anyAdmin,
    });
    await h.app.inject({
      method: "PATCH",
      url: `/api/members/${admin.id}`,
      headers: anyAdmin,
      payload: { role: "admin" },
    });
    for (const other of list.json().items as Member[]) {
      await h.app.inject({ method: "DELETE", url: `/api/members/${other.id}`, headers: anyAdmin });
    }
    // The promotion revoked tokens issued up to this second; sign in again a second later.
    const token = await h.issuer.sign({ sub: admin.id, role: "admin" }, { iatOffsetSec: 1 });
    const asAdmin = { authorization: `Bearer ${token}` };
    const del = await h.app.inject({
      method: "DELETE",
      url: `/api/members/${admin.id}`,
      headers: asAdmin,
    });
    assert.equal(del.statusCode, 409);
    assert.equal(del.json().code, "MEMBER_LAST_ADMIN");
    const demote = await h.app.inject({
      method: "PATCH",
      url: `/api/members/${admin.id}`,
      headers: asAdmin,
      payload: { role: "customer" },
    });
    assert.equal(demote.json().code, "MEMBER_LAST_ADMIN");
    const disable = await h.app.inject({
      method: "PATCH",
      url: `/api/members/${admin.id}`,
      headers: asAdmin,
      payload: { status: "disabled" },
    });
    assert.equal(disable.json().code, "MEMBER_LAST_ADMIN");
  });

  test("guests have no member account", async () => {
    const asGuest = await h.bearer("guest_abc", "guest");
    const res = await h.app.inject({ method: "GET", url: "/api/members/me", headers: asGuest });
    assert.equal(res.statusCode, 403);
  });
});

describe("listing members", () => {
  test("admins page through members and search by email or name; customers may not", async () => {
    await h.createMember({ email: "searchable.one@example.com", name: "Park Jisoo" });
    await h.createMember({ email: "other@example.com", name: "Searchable Two" });
    const asAdmin = await h.bearer(crypto.randomUUID(), "admin");
    const found = await h.app.inject({
      method: "GET",
      url: "/api/members?q=SEARCHABLE&limit=1",
      headers: asAdmin,
    });
    assert.equal(found.statusCode, 200);
    const page = found.json();
    assert.equal(page.total, 2);
    assert.equal(page.items.length, 1);
    assert.equal(page.totalPages, 2);
    const second = await h.app.inject({
      method: "GET",
      url: "/api/members?q=searchable&limit=1&page=2",
      headers: asAdmin,
    });
    assert.notEqual(second.json().items[0].id, page.items[0].id);
    const asCustomer = await h.bearer(crypto.randomUUID(), "customer");
    assert.equal(
      (await h.app.inject({ method: "GET", url: "/api/members", headers: asCustomer })).statusCode,
      403,
    );
    assert.equal(
      (await h.app.inject({ method: "GET", url: "/api/members?limit=1000", headers: asAdmin }))
        .statusCode,
      400,
    );
  });
});

describe("changing the password", () => {
  test("needs the current password, applies the policy and ends the other sessions", async () => {
    const me = await h.createMember();
    const sid = crypto.randomUUID();
    const asMe = await h.bearer(me.id, "customer", sid);
    const url = `/api/members/${me.id}/password`;
    const wrong = await h.app.inject({
      method: "POST",
      url,
      headers: asMe,
      payload: { currentPassword: "nope-nope-nope", newPassword: "another-strong-1" },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().code, "PASSWORD_INCORRECT");
    const weak = await h.app.inject({
      method: "POST",
      url,
      headers: asMe,
      payload: { currentPassword: PASSWORD, newPassword: "qwerty123" },
    });
    assert.equal(weak.json().code, "PASSWORD_TOO_WEAK");
    assert.equal(weak.json().errors[0].field, "newPassword");
    const other = await h.app.inject({
      method: "POST",
      url,
      headers: await h.bearer(crypto.randomUUID(), "admin"),
      payload: { currentPassword: PASSWORD, newPassword: "another-strong-1" },
    });
    assert.equal(other.statusCode, 403);

    const ok = await h.app.inject({
      method: "POST",
      url,
      headers: asMe,
      payload: { currentPassword: PASSWORD, newPassword: "another-strong-1" },
    });
    assert.equal(ok.statusCode, 204);
    assert.ok(h.issuer.revokeCalls.some((c) => c.sub === me.id && c.exceptSid === sid));
    const verify = (password: string) =>
      h.app.inject({
        method: "POST",
        url: "/internal/credentials/verify",
        headers: h.internal,
        payload: { email: me.email, password },
      });
    assert.equal((await verify(PASSWORD)).statusCode, 401);
    assert.equal((await verify("another-strong-1")).statusCode, 200);
  });
});
