import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PASSWORD, startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

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
