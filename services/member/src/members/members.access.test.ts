import type { Member } from "@shop/contracts";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

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

  test("a search with a NUL character is 400 VALIDATION_FAILED, not a database error", async () => {
    const asAdmin = await h.bearer(crypto.randomUUID(), "admin");
    for (const q of ["%00", "kim%00park"]) {
      const res = await h.app.inject({
        method: "GET",
        url: `/api/members?q=${q}`,
        headers: asAdmin,
      });
      assert.equal(res.statusCode, 400, `q=${q}: ${res.body}`);
      assert.equal(res.json().code, "VALIDATION_FAILED");
      assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
    }
  });
});
