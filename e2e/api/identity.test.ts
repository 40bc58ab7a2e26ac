// Issue 3 end to end: sessions through the edge proxy and the gateway into auth and member.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { MeResponse, Member, TokenResponse } from "@shop/contracts";
import { adminSession, login, registerCustomer, uniqueIp, uniqueLabel } from "./lib/fixtures.js";
import { assertProblem, call, edge, gateway, within } from "./lib/http.js";
import {
  claimsLike,
  decodePayload,
  expiredLike,
  signWithStackKey,
  tampered,
  unsigned,
} from "./lib/tokens.js";

/** Polls a customer-only gateway route with `token` until it is refused; returns the refusal and how long it took. */
async function rejectedAtGateway(token: string, timeoutMs = 1_000) {
  return within(timeoutMs, async () => {
    const res = await call(gateway(), "/api/members/me", { token });
    return res.status === 401 ? res : undefined;
  });
}

describe("issue 3: a session's whole life through the edge and the gateway", () => {
  it("register → login → me → refresh → reuse of a rotated refresh token ends the session everywhere", async () => {
    const email = `${uniqueLabel("life")}@example.com`;
    const password = `pw-${randomUUID()}`;
    const registered = await call(edge(), "/api/auth/register", {
      client: true,
      json: { email, password, name: "생애주기" },
    });
    assert.equal(registered.status, 201, registered.text);
    const first = TokenResponse.parse(registered.body);
    assert.equal(first.user?.role, "customer");
    assert.ok(
      first.expiresIn > 0 && first.expiresIn <= 900,
      `access token lives ≤ 15 min (${first.expiresIn} s)`,
    );

    const loggedIn = await call(edge(), "/api/auth/login", {
      client: true,
      json: { email: email.toUpperCase(), password },
    });
    assert.equal(loggedIn.status, 200, loggedIn.text);
    const session = TokenResponse.parse(loggedIn.body);
    const claims = decodePayload(session.accessToken);
    assert.equal(claims.sub, first.user?.id);
    assert.equal(claims.iss, "shop-auth");
    assert.equal(claims.aud, "shop-api");

    const me = await call(edge(), "/api/auth/me", { token: session.accessToken });
    assert.equal(me.status, 200, me.text);
    const whoami = MeResponse.parse(me.body);
    assert.equal(whoami.role, "customer");
    assert.equal(whoami.member?.email, email);
    const profile = await call(edge(), "/api/members/me", { token: session.accessToken });
    assert.equal(profile.status, 200, profile.text);
    assert.equal(Member.parse(profile.body).id, first.user?.id);

    const refresh = (refreshToken: string) =>
      call(edge(), "/api/auth/refresh", { client: true, json: { refreshToken } });
    const second = await refresh(session.refreshToken);
    assert.equal(second.status, 200, second.text);
    const rotated = TokenResponse.parse(second.body);
    assert.notEqual(rotated.refreshToken, session.refreshToken);
    const third = await refresh(rotated.refreshToken);
    assert.equal(third.status, 200, third.text);
    const latest = TokenResponse.parse(third.body);
    assert.equal(
      (await call(gateway(), "/api/members/me", { token: latest.accessToken })).status,
      200,
    );

    // The first refresh token was rotated and its successor used: presenting it again is theft.
    assertProblem(await refresh(session.refreshToken), 401, "AUTH_REFRESH_REUSED");
    const familyGone = await refresh(latest.refreshToken);
    assert.equal(
      familyGone.status,
      401,
      `the newest refresh token of the family dies too: ${familyGone.text}`,
    );
    const { value, ms } = await rejectedAtGateway(latest.accessToken);
    assertProblem(value, 401, "AUTH_SESSION_REVOKED");
    assert.match(value.headers.get("www-authenticate") ?? "", /Bearer error="invalid_token"/);
    assert.ok(ms < 1_000, `revoked at the gateway after ${ms.toFixed(0)} ms`);
  });

  it("logout revokes the session: its access token is refused at the gateway within a second", async (t) => {
    const customer = await registerCustomer("logout");
    const session = await login(customer.email, customer.password);
    assert.equal(
      (await call(gateway(), "/api/members/me", { token: session.accessToken })).status,
      200,
    );
    const started = performance.now();
    const out = await call(edge(), "/api/auth/logout", {
      token: session.accessToken,
      json: { refreshToken: session.refreshToken },
    });
    assert.equal(out.status, 204, out.text);
    const { value } = await rejectedAtGateway(session.accessToken);
    const ms = performance.now() - started;
    assertProblem(value, 401, "AUTH_SESSION_REVOKED");
    assert.ok(ms < 1_000, `refused ${ms.toFixed(0)} ms after logout was sent`);
    t.diagnostic(
      `logout → access token refused at the gateway ${ms.toFixed(0)} ms after the logout request`,
    );
    // Other services verify tokens themselves and learn the revocation too (cart, here).
    assert.equal((await call(gateway(), "/api/cart", { token: session.accessToken })).status, 401);
    const refreshed = await call(gateway(), "/api/auth/refresh", {
      client: true,
      ip: uniqueIp(),
      json: { refreshToken: session.refreshToken },
    });
    assert.equal(refreshed.status, 401, refreshed.text);
    // The customer's other session (from registration) is untouched.
    assert.equal(
      (await call(gateway(), "/api/members/me", { token: customer.accessToken })).status,
      200,
    );
  });
});

describe("issue 3: the gateway's token validator", () => {
  it("refuses alg none, tampered, expired, wrong-audience and wrong-issuer tokens with 401 and WWW-Authenticate", async () => {
    const customer = await registerCustomer("tokens");
    // Control: a token made here with the stack's key and the customer's own claims is accepted,
    // so each refusal below is caused by the one thing changed.
    const control = signWithStackKey(claimsLike(customer.accessToken));
    assert.equal((await call(gateway(), "/api/members/me", { token: control })).status, 200);

    const now = Math.floor(Date.now() / 1000);
    const bad: Array<[string, string, string]> = [
      ["alg none", unsigned(customer.accessToken), "AUTH_TOKEN_INVALID"],
      [
        "tampered payload (role admin)",
        tampered(customer.accessToken, { role: "admin" }),
        "AUTH_TOKEN_INVALID",
      ],
      ["expired", expiredLike(customer.accessToken), "AUTH_TOKEN_EXPIRED"],
      [
        "wrong audience",
        signWithStackKey(claimsLike(customer.accessToken, { aud: "another-api" })),
        "AUTH_TOKEN_INVALID",
      ],
      [
        "wrong issuer",
        signWithStackKey(claimsLike(customer.accessToken, { iss: "evil-auth" })),
        "AUTH_TOKEN_INVALID",
      ],
      [
        "not yet valid",
        signWithStackKey(
          claimsLike(customer.accessToken, { nbf: now + 600, iat: now, exp: now + 900 }),
        ),
        "AUTH_TOKEN_INVALID",
      ],
      ["not a JWT", "abc.def.ghi", "AUTH_TOKEN_INVALID"],
    ];
    for (const [name, token, code] of bad) {
      const res = await call(gateway(), "/api/members/me", { token });
      assertProblem(res, 401, code);
      assert.match(
        res.headers.get("www-authenticate") ?? "",
        /^Bearer .*error="invalid_token"/,
        name,
      );
      // Through the edge too: an explicit Authorization header is passed on, and refused the same way.
      assert.equal(
        (await call(edge(), "/api/members/me", { token })).status,
        401,
        `${name} through the edge`,
      );
    }
    const none = await call(gateway(), "/api/members/me");
    assertProblem(none, 401, "AUTH_REQUIRED");
    assert.match(none.headers.get("www-authenticate") ?? "", /^Bearer/);
    const forbidden = await call(gateway(), "/api/admin/orders", { token: customer.accessToken });
    assertProblem(forbidden, 403, "FORBIDDEN");
  });

  it("refuses the tokens of a member who deleted their account, within a second", async () => {
    const customer = await registerCustomer("deleted");
    const other = await login(customer.email, customer.password);
    const removed = await call(gateway(), `/api/members/${customer.id}`, {
      method: "DELETE",
      token: customer.accessToken,
    });
    assert.equal(removed.status, 204, removed.text);
    for (const token of [customer.accessToken, other.accessToken]) {
      const { value, ms } = await rejectedAtGateway(token);
      assert.equal(value.status, 401);
      assert.ok(ms < 1_000, `refused after ${ms.toFixed(0)} ms`);
    }
    const again = await call(gateway(), "/api/auth/login", {
      client: true,
      ip: uniqueIp(),
      json: { email: customer.email, password: customer.password },
    });
    assertProblem(again, 401, "AUTH_INVALID_CREDENTIALS");
  });
});

describe("issue 3: members act only on their own account; an admin on any", () => {
  it("a customer cannot read, edit or delete another member, even claiming to be them in X-User-* headers", async () => {
    const [alice, bob] = await Promise.all([registerCustomer("alice"), registerCustomer("bob")]);
    const spoof = { "x-user-id": bob.id, "x-user-role": "admin", "x-user-sub": bob.id };
    const attempts = [
      call(gateway(), `/api/members/${bob.id}`, { token: alice.accessToken, headers: spoof }),
      call(gateway(), `/api/members/${bob.id}`, {
        method: "PATCH",
        token: alice.accessToken,
        headers: spoof,
        json: { name: "hacked" },
      }),
      call(gateway(), `/api/members/${bob.id}`, {
        method: "DELETE",
        token: alice.accessToken,
        headers: spoof,
      }),
      call(gateway(), `/api/members/${bob.id}/password`, {
        token: alice.accessToken,
        json: { currentPassword: "x", newPassword: "whatever-123456" },
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      assert.ok(
        [403, 404].includes(res.status),
        `refused with 403/404, got ${res.status}: ${res.text}`,
      );
      assertProblem(res, res.status, res.status === 403 ? "FORBIDDEN" : "MEMBER_NOT_FOUND");
    }
    assertProblem(
      await call(gateway(), "/api/members", { token: alice.accessToken }),
      403,
      "FORBIDDEN",
    );
    const selfPromotion = await call(gateway(), `/api/members/${alice.id}`, {
      method: "PATCH",
      token: alice.accessToken,
      json: { role: "admin" },
    });
    assertProblem(selfPromotion, 403, "FORBIDDEN");
    const bobNow = await call(gateway(), "/api/members/me", { token: bob.accessToken });
    assert.equal(bobNow.status, 200, "bob's account is still there");
    assert.equal(Member.parse(bobNow.body).name, bob.name, "and unchanged");
  });

  it("an admin reads, edits and deletes any member", async () => {
    const admin = await adminSession();
    const carol = await registerCustomer("carol");
    const read = await call(gateway(), `/api/members/${carol.id}`, { token: admin.accessToken });
    assert.equal(read.status, 200, read.text);
    assert.equal(Member.parse(read.body).email, carol.email);
    const listed = await call<{ total: number }>(
      gateway(),
      `/api/members?q=${encodeURIComponent(carol.email)}`,
      { token: admin.accessToken },
    );
    assert.equal(listed.body.total, 1);
    const edited = await call(gateway(), `/api/members/${carol.id}`, {
      method: "PATCH",
      token: admin.accessToken,
      json: { name: "관리자가 고침" },
    });
    assert.equal(edited.status, 200, edited.text);
    assert.equal(Member.parse(edited.body).name, "관리자가 고침");
    const removed = await call(gateway(), `/api/members/${carol.id}`, {
      method: "DELETE",
      token: admin.accessToken,
    });
    assert.equal(removed.status, 204, removed.text);
    assertProblem(
      await call(gateway(), `/api/members/${carol.id}`, { token: admin.accessToken }),
      404,
      "MEMBER_NOT_FOUND",
    );
  });
});

describe("issue 3: bad input through the gateway gets the right 4xx and writes nothing", () => {
  const register = (body: string, ip = uniqueIp()) =>
    call(gateway(), "/api/auth/register", {
      client: true,
      ip,
      body,
      headers: { "content-type": "application/json" },
    });
  const json = (value: unknown) => JSON.stringify(value);

  it("malformed JSON, missing fields, overlong strings, invalid email, weak password, duplicate email, oversized body", async () => {
    const admin = await adminSession();
    const strong = `pw-${randomUUID()}`;
    const tagged = (tag: string) => `${uniqueLabel(`bad-${tag}`)}@example.com`;
    const [long, longPassword, weak, huge] = ["long", "long-pw", "weak", "huge"].map(tagged) as [
      string,
      string,
      string,
      string,
    ];
    const cases: Array<{
      name: string;
      body: string;
      status: number;
      code: string;
      field?: string;
      email?: string;
    }> = [
      {
        name: "malformed JSON",
        body: '{"email": "x@example.com", "password": ',
        status: 400,
        code: "MALFORMED_JSON",
      },
      {
        name: "missing fields",
        body: json({}),
        status: 400,
        code: "VALIDATION_FAILED",
        field: "email",
      },
      {
        name: "invalid email",
        body: json({ email: "not-an-email", password: strong, name: "a" }),
        status: 400,
        code: "VALIDATION_FAILED",
        field: "email",
      },
      {
        name: "overlong name",
        body: json({ email: long, password: strong, name: "가".repeat(101) }),
        status: 400,
        code: "VALIDATION_FAILED",
        field: "name",
        email: long,
      },
      {
        name: "overlong password",
        body: json({ email: longPassword, password: "p".repeat(129), name: "a" }),
        status: 400,
        code: "VALIDATION_FAILED",
        field: "password",
        email: longPassword,
      },
      {
        name: "common password",
        body: json({ email: weak, password: "password", name: "a" }),
        status: 400,
        code: "PASSWORD_TOO_WEAK",
        field: "password",
        email: weak,
      },
      {
        name: "oversized body",
        body: json({ email: huge, password: strong, name: "a".repeat(70 * 1024) }),
        status: 413,
        code: "BODY_TOO_LARGE",
        email: huge,
      },
    ];
    for (const c of cases) {
      const problem = assertProblem(await register(c.body), c.status, c.code);
      if (c.field)
        assert.ok(
          problem.errors?.some((e) => e.field === c.field),
          `${c.name}: errors name ${c.field}: ${JSON.stringify(problem.errors)}`,
        );
    }
    const written = await Promise.all(
      cases
        .filter((c) => c.email)
        .map((c) =>
          call<{ total: number }>(gateway(), `/api/members?q=${encodeURIComponent(c.email!)}`, {
            token: admin.accessToken,
          }),
        ),
    );
    assert.deepEqual(
      written.map((w) => w.body.total),
      written.map(() => 0),
      "no member was created by a refused request",
    );

    const existing = await registerCustomer("dup");
    const duplicate = await register(
      json({ email: existing.email.toUpperCase(), password: strong, name: "twin" }),
    );
    assertProblem(duplicate, 409, "MEMBER_EMAIL_TAKEN");
    const same = await call<{ total: number }>(
      gateway(),
      `/api/members?q=${encodeURIComponent(existing.email)}`,
      { token: admin.accessToken },
    );
    assert.equal(same.body.total, 1);
  });

  it("the member service's own routes refuse bad JSON and bad fields with 400, and huge bodies with 413", async () => {
    const customer = await registerCustomer("edit");
    const patch = (body: string) =>
      call(gateway(), "/api/members/me", {
        method: "PATCH",
        token: customer.accessToken,
        body,
        headers: { "content-type": "application/json" },
      });
    assertProblem(await patch('{"name": '), 400, "MALFORMED_JSON");
    const phone = assertProblem(
      await patch(JSON.stringify({ phone: "call me maybe" })),
      400,
      "VALIDATION_FAILED",
    );
    assert.ok(
      phone.errors?.some((e) => e.field.endsWith("phone")),
      JSON.stringify(phone.errors),
    );
    assertProblem(
      await patch(JSON.stringify({ name: "x".repeat(80 * 1024) })),
      413,
      "BODY_TOO_LARGE",
    );
    const unchanged = await call(gateway(), "/api/members/me", { token: customer.accessToken });
    assert.equal(Member.parse(unchanged.body).name, customer.name);
  });
});
