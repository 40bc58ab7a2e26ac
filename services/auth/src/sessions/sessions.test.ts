// Refresh rotation with a grace window for two tabs, idle and absolute session lifetimes, guests,
// and refresh following the member's current state (deleted, disabled, role changed).
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { after, before, describe, test } from "node:test";
import { ADMIN, INTERNAL_KEY, startStack, type Stack } from "../testing/stack.js";
import { hashToken } from "./refresh-tokens.js";

let stack: Stack;
let redis: Redis;
before(async () => {
  stack = await startStack({
    REFRESH_REUSE_GRACE_SEC: "10",
    MEMBER_SESSION_MAX_SEC: "3",
    MEMBER_SESSION_IDLE_SEC: "2",
  });
  redis = new Redis(stack.redisUrl);
});
after(async () => {
  redis.disconnect();
  await stack.close();
});

let counter = 0;
async function signUp() {
  counter += 1;
  const res = await stack.call("/api/auth/register", {
    client: true,
    json: { email: `s${counter}@example.com`, password: "session-pass-1", name: `S ${counter}` },
  });
  assert.equal(res.status, 201);
  return res.body;
}
const refresh = (refreshToken: string) =>
  stack.call("/api/auth/refresh", { client: true, json: { refreshToken } });

describe("rotation and reuse", () => {
  test("two tabs refreshing with the same token at once both get the same successor", async () => {
    const session = await signUp();
    const [a, b] = await Promise.all([
      refresh(session.refreshToken),
      refresh(session.refreshToken),
    ]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    assert.equal(a.body.refreshToken, b.body.refreshToken);
    assert.equal((await refresh(a.body.refreshToken)).status, 200);
  });

  test("an old token replayed after its successor was used revokes the session, even inside the grace window", async () => {
    const session = await signUp();
    const first = await refresh(session.refreshToken);
    const second = await refresh(first.body.refreshToken);
    assert.equal(second.status, 200);
    const replay = await refresh(session.refreshToken);
    assert.equal(replay.status, 401);
    assert.equal(replay.body.code, "AUTH_REFRESH_REUSED");
    assert.equal((await refresh(second.body.refreshToken)).body.code, "AUTH_REFRESH_INVALID");
  });

  test("refresh tokens are 256-bit random values stored only as hashes", async () => {
    const session = await signUp();
    assert.ok(Buffer.from(session.refreshToken, "base64url").length >= 32);
    const keys = await redis.keys(`${stack.redisPrefix}auth:*`);
    assert.ok(keys.some((k) => k.endsWith(`rt:${hashToken(session.refreshToken)}`)));
    for (const key of keys) assert.ok(!key.includes(session.refreshToken));
    const dump = JSON.stringify(
      await Promise.all(
        keys.filter((k) => k.includes(":rt:") || k.includes(":sess:")).map((k) => redis.hgetall(k)),
      ),
    );
    assert.ok(!dump.includes(session.refreshToken));
  });
});

describe("lifetimes", () => {
  test("a session expires after its idle window and cannot outlive its absolute lifetime", async () => {
    const idle = await signUp();
    const ttl = await redis.pttl(
      `${stack.redisPrefix}auth:sess:${(await stack.call("/api/auth/verify", { json: { token: idle.accessToken } })).body.sid}`,
    );
    assert.ok(ttl > 0 && ttl <= 2000, `idle ttl ${ttl}`);
    assert.ok(idle.refreshExpiresIn <= 2);

    const busy = await signUp();
    let token = busy.refreshToken;
    // Refreshing every 0.8 s keeps it alive past the idle window, but not past 3 s in all.
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 800));
      const res = await refresh(token);
      assert.equal(res.status, 200, `refresh ${i}`);
      token = res.body.refreshToken;
    }
    assert.equal((await refresh(idle.refreshToken)).status, 401, "idle session should be gone");
    await new Promise((r) => setTimeout(r, 800));
    const late = await refresh(token);
    assert.equal(late.status, 401);
  });
});

describe("guests", () => {
  test("guest sessions carry role guest, a guest_ subject and no user", async () => {
    const res = await stack.call("/api/auth/guest", { client: true, method: "POST" });
    assert.equal(res.status, 201);
    assert.equal(res.body.user, null);
    const me = await stack.call("/api/auth/me", { bearer: res.body.accessToken });
    assert.equal(me.status, 200);
    assert.equal(me.body.role, "guest");
    assert.match(me.body.id, /^guest_[A-Za-z0-9_-]{20,}$/);
    assert.equal(me.body.member, null);
    const renewed = await refresh(res.body.refreshToken);
    assert.equal(renewed.status, 200);
    assert.equal(renewed.body.user, null);
  });
});

describe("refresh follows the member", () => {
  test("a role change ends the member's sessions (no refresh can mint the old role); the next sign-in carries the new role, valid at once; a disabled member cannot refresh", async () => {
    const admin = (await stack.call("/api/auth/login", { client: true, json: ADMIN })).body;
    const promoted = await signUp();
    const patch = (id: string, json: object) =>
      stack.call(`/api/members/${id}`, {
        member: true,
        method: "PATCH",
        bearer: admin.accessToken,
        json,
      });
    assert.equal((await patch(promoted.user.id, { role: "admin" })).status, 200);
    assert.equal((await refresh(promoted.refreshToken)).status, 401, "the session ended");
    assert.equal(
      (await stack.call("/api/auth/verify", { json: { token: promoted.accessToken } })).status,
      401,
    );
    const again = await stack.call("/api/auth/login", {
      client: true,
      json: { email: promoted.user.email, password: "session-pass-1" },
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.user.role, "admin");
    // The role change revoked tokens up to its second; a sign-in after it must not be caught.
    let status = 0;
    const deadline = Date.now() + 5_000;
    let tokens = again.body as { accessToken: string; refreshToken: string };
    while (Date.now() < deadline) {
      status = (await stack.call("/api/auth/verify", { json: { token: tokens.accessToken } }))
        .status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      const renewed = await refresh(tokens.refreshToken);
      assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
      tokens = renewed.body;
    }
    assert.equal(status, 200);

    const disabled = await signUp();
    assert.equal((await patch(disabled.user.id, { status: "disabled" })).status, 200);
    const blocked = await refresh(disabled.refreshToken);
    assert.equal(blocked.status, 401);
    const login = await stack.call("/api/auth/login", {
      client: true,
      json: { email: disabled.user.email, password: "session-pass-1" },
    });
    assert.equal(login.status, 403);
    assert.equal(login.body.code, "MEMBER_DISABLED");
  });

  test("the internal revoke route needs the internal key", async () => {
    const session = await signUp();
    const denied = await stack.call("/internal/sessions/revoke", {
      json: { sub: session.user.id },
    });
    assert.equal(denied.status, 401);
    assert.equal(denied.body.code, "INTERNAL_AUTH_REQUIRED");
    const ok = await stack.call("/internal/sessions/revoke", {
      json: { sub: session.user.id },
      headers: { "x-internal-key": INTERNAL_KEY },
    });
    assert.deepEqual(ok.body, { revoked: 1 });
    assert.equal((await refresh(session.refreshToken)).status, 401);
  });

  test("auth is the one writer of revocations: revokeTokens cuts issued tokens, endSessions: false keeps the session", async () => {
    const session = await signUp();
    const cut = await stack.call("/internal/sessions/revoke", {
      json: { sub: session.user.id, revokeTokens: true, endSessions: false },
      headers: { "x-internal-key": INTERNAL_KEY },
    });
    assert.deepEqual(cut.body, { revoked: 0 });
    const checked = await stack.call("/api/auth/verify", { json: { token: session.accessToken } });
    assert.equal(checked.status, 401);
    assert.equal(checked.body.code, "AUTH_SESSION_REVOKED");
    // The session lives on: a refresh mints a token the cut does not catch once the second of
    // the cut has passed (tokens issued within it count as issued before it).
    let refreshToken = session.refreshToken;
    let freshStatus = 0;
    const deadline = Date.now() + 5_000;
    while (freshStatus !== 200 && Date.now() < deadline) {
      const renewed = await refresh(refreshToken);
      assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
      refreshToken = renewed.body.refreshToken;
      freshStatus = (
        await stack.call("/api/auth/verify", { json: { token: renewed.body.accessToken } })
      ).status;
      if (freshStatus !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(freshStatus, 200);
  });
});
