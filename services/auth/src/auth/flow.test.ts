// Issue 3: register → login → me → refresh → refresh again with the old token (family revoked)
// → logout → the access token is rejected by a verifier with the revocation list within a second.
import {
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  type TokenVerifier,
} from "@shop/platform";
import { createRevocationList, type RevocationList } from "@shop/platform/redis";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startStack, type Stack } from "../testing/stack.js";

let stack: Stack;
let verifier: TokenVerifier;
let revocations: RevocationList;
before(async () => {
  // No grace window here: the issue's sequence reuses the old token straight away.
  stack = await startStack({ REFRESH_REUSE_GRACE_SEC: "0" });
  revocations = createRevocationList(stack.redisUrl, { prefix: stack.redisPrefix });
  await revocations.start();
  // A verifier like the gateway's: remote JWKS, local checks, in-process revocation list.
  verifier = createTokenVerifier({
    jwksUrl: `${stack.authUrl}/.well-known/jwks.json`,
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    revocations,
  });
});
after(async () => {
  await revocations.close();
  await stack.close();
});

/** Milliseconds until `verifier` rejects `token` (fails the test after 1 s). */
async function rejectedWithin(token: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 1000) {
    try {
      await verifier.verify(token);
    } catch (error) {
      assert.match((error as { code: string }).code, /AUTH_SESSION_REVOKED/);
      return Date.now() - started;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail("the token was still accepted a second after its session ended");
}

test("register, sign in, stay signed in, reuse detection and logout, end to end", async () => {
  const email = "flow@example.com";
  const password = "flow-password-42";
  const registered = await stack.call("/api/auth/register", {
    client: true,
    json: { email, password, name: "Flow Kim" },
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  assert.equal(registered.body.tokenType, "Bearer");
  assert.equal(registered.body.user.email, email);
  assert.equal(registered.body.user.role, "customer");
  assert.ok(registered.body.expiresIn <= 900);
  assert.equal(registered.headers.get("cache-control"), "no-store");

  const login = await stack.call("/api/auth/login", {
    client: true,
    json: { email: "FLOW@example.com", password },
  });
  assert.equal(login.status, 200);
  const identity = await verifier.verify(login.body.accessToken);
  assert.equal(identity.sub, registered.body.user.id);
  assert.equal(identity.role, "customer");
  assert.equal(identity.name, "Flow Kim");
  assert.ok(identity.exp - identity.iat <= 900);

  const me = await stack.call("/api/auth/me", { bearer: login.body.accessToken });
  assert.equal(me.status, 200);
  assert.equal(me.body.member.email, email);
  assert.equal(me.body.role, "customer");
  assert.doesNotMatch(JSON.stringify(me.body), /password|argon2/i);

  const refreshed = await stack.call("/api/auth/refresh", {
    client: true,
    json: { refreshToken: login.body.refreshToken },
  });
  assert.equal(refreshed.status, 200);
  assert.notEqual(refreshed.body.refreshToken, login.body.refreshToken);
  assert.equal((await verifier.verify(refreshed.body.accessToken)).sid, identity.sid);

  const reused = await stack.call("/api/auth/refresh", {
    client: true,
    json: { refreshToken: login.body.refreshToken },
  });
  assert.equal(reused.status, 401);
  assert.equal(reused.body.code, "AUTH_REFRESH_REUSED");
  // The whole family is gone: the newest refresh token and every access token of the session.
  const successor = await stack.call("/api/auth/refresh", {
    client: true,
    json: { refreshToken: refreshed.body.refreshToken },
  });
  assert.equal(successor.body.code, "AUTH_REFRESH_INVALID");
  await rejectedWithin(refreshed.body.accessToken);

  const again = await stack.call("/api/auth/login", { client: true, json: { email, password } });
  assert.equal(again.status, 200);
  await verifier.verify(again.body.accessToken);
  const logout = await stack.call("/api/auth/logout", { bearer: again.body.accessToken, json: {} });
  assert.equal(logout.status, 204);
  const waited = await rejectedWithin(again.body.accessToken);
  assert.ok(waited < 1000);
  const verify = await stack.call("/api/auth/verify", { json: { token: again.body.accessToken } });
  assert.equal(verify.status, 401);
  assert.equal(verify.body.code, "AUTH_SESSION_REVOKED");
  const afterLogout = await stack.call("/api/auth/refresh", {
    client: true,
    json: { refreshToken: again.body.refreshToken },
  });
  assert.equal(afterLogout.status, 401);
});

test("logout also works with only the refresh token, or with an expired-looking stale token", async () => {
  const session = await stack.call("/api/auth/login", {
    client: true,
    json: { email: "flow@example.com", password: "flow-password-42" },
  });
  const out = await stack.call("/api/auth/logout", {
    json: { refreshToken: session.body.refreshToken },
  });
  assert.equal(out.status, 204);
  await rejectedWithin(session.body.accessToken);
  const nothing = await stack.call("/api/auth/logout", { json: {} });
  assert.equal(nothing.status, 401);
  const garbage = await stack.call("/api/auth/logout", { bearer: "not.a.token", json: {} });
  assert.equal(garbage.status, 401);
});

test("a password change ends the member's other sessions but keeps the current one", async () => {
  const email = "pw@example.com";
  const first = await stack.call("/api/auth/register", {
    client: true,
    json: { email, password: "first-pass-123", name: "Pw" },
  });
  const second = await stack.call("/api/auth/login", {
    client: true,
    json: { email, password: "first-pass-123" },
  });
  const changed = await stack.call(`/api/members/${first.body.user.id}/password`, {
    member: true,
    bearer: first.body.accessToken,
    json: { currentPassword: "first-pass-123", newPassword: "second-pass-456" },
  });
  assert.equal(changed.status, 204, JSON.stringify(changed.body));
  await rejectedWithin(second.body.accessToken);
  assert.equal(
    (
      await stack.call("/api/auth/refresh", {
        client: true,
        json: { refreshToken: second.body.refreshToken },
      })
    ).status,
    401,
  );
  await verifier.verify(first.body.accessToken);
  assert.equal(
    (
      await stack.call("/api/auth/refresh", {
        client: true,
        json: { refreshToken: first.body.refreshToken },
      })
    ).status,
    200,
  );
  assert.equal(
    (
      await stack.call("/api/auth/login", {
        client: true,
        json: { email, password: "second-pass-456" },
      })
    ).status,
    200,
  );
});
