// Issue 3: login failures get the same answer and similar timing for an unknown email and a wrong
// password; 5 failures per account (or too many per IP) in 15 minutes → 429 with Retry-After.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startStack, type Stack } from "../testing/stack.js";

let stack: Stack;
before(async () => {
  stack = await startStack({
    LOGIN_FAILURES_PER_ACCOUNT: "5",
    LOGIN_FAILURES_PER_IP: "8",
    GUEST_SESSIONS_PER_IP_PER_MINUTE: "3",
  });
  await stack.call("/api/auth/register", {
    client: true,
    json: { email: "known@example.com", password: "known-pass-123", name: "Known" },
  });
});
after(() => stack.close());

const login = (email: string, password: string, ip: string) =>
  stack.call("/api/auth/login", {
    client: true,
    json: { email, password },
    headers: { "x-forwarded-for": ip },
  });

test("unknown email and wrong password get the same answer", async () => {
  const wrong = await login("known@example.com", "wrong-pass-000", "10.0.0.1");
  const unknown = await login("unknown@example.com", "wrong-pass-000", "10.0.0.1");
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
  assert.deepEqual(comparable(wrong.body), comparable(unknown.body));
  assert.equal(wrong.body.code, "AUTH_INVALID_CREDENTIALS");
});

test("the fifth failure for an account locks it with 429 and Retry-After, for known and unknown emails alike", async () => {
  await stack.call("/api/auth/register", {
    client: true,
    json: { email: "lockme@example.com", password: "lockme-pass-123", name: "L" },
  });
  for (const email of ["lockme@example.com", "ghost@example.com"]) {
    // Different IPs, so only the per-account counter can trip.
    for (let i = 0; i < 5; i++)
      assert.equal((await login(email, "wrong-pass-000", `10.1.${i}.1`)).status, 401);
    const blocked = await login(email, "wrong-pass-000", "10.1.9.1");
    assert.equal(blocked.status, 429, email);
    assert.equal(blocked.body.code, "AUTH_TOO_MANY_ATTEMPTS");
    const retryAfter = Number(blocked.headers.get("retry-after"));
    assert.ok(retryAfter > 0 && retryAfter <= 900, `Retry-After ${retryAfter}`);
  }
  // Even the right password waits until the window ends.
  assert.equal((await login("lockme@example.com", "lockme-pass-123", "10.1.9.2")).status, 429);
});

test("concurrent wrong passwords for one account: no more are checked than the limit allows", async () => {
  await stack.call("/api/auth/register", {
    client: true,
    json: { email: "stormed@example.com", password: "stormed-pass-123", name: "S" },
  });
  // 30 at once from 30 addresses: the per-account limit (5) is the only one that can trip.
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      login("stormed@example.com", "wrong-pass-000", `10.6.${i}.1`),
    ),
  );
  const statuses = answers.map((a) => a.status);
  // A 401 is only ever answered after the member service checked the password.
  assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(","));
  assert.equal(statuses.filter((s) => s === 429).length, 25, statuses.join(","));
  assert.equal((await login("stormed@example.com", "stormed-pass-123", "10.6.99.1")).status, 429);
});

test("too many failures from one IP block that IP for every account", async () => {
  for (let i = 0; i < 8; i++)
    assert.equal((await login(`spray${i}@example.com`, "wrong-pass-000", "10.2.0.1")).status, 401);
  const blocked = await login("someone-else@example.com", "whatever-pass-1", "10.2.0.1");
  assert.equal(blocked.status, 429);
  assert.ok(Number(blocked.headers.get("retry-after")) > 0);
  assert.equal((await login("spray0@example.com", "wrong-pass-000", "10.2.0.2")).status, 401);
});

test("a caller cannot pick its own address: the right-most untrusted X-Forwarded-For hop counts", async () => {
  // Behind a proxy that appends the real address, a spoofed left part changes nothing.
  for (let i = 0; i < 8; i++) {
    const res = await login(`spoof${i}@example.com`, "wrong-pass-000", `203.0.113.${i}, 10.9.0.1`);
    assert.equal(res.status, 401);
  }
  const blocked = await login("spoof9@example.com", "wrong-pass-000", "198.51.100.7, 10.9.0.1");
  assert.equal(blocked.status, 429);
  assert.equal(blocked.body.code, "AUTH_TOO_MANY_ATTEMPTS");
});

test("a successful login clears the account's failures", async () => {
  await stack.call("/api/auth/register", {
    client: true,
    json: { email: "forgetful@example.com", password: "right-pass-123", name: "F" },
  });
  for (let i = 0; i < 4; i++) await login("forgetful@example.com", "wrong-pass-000", `10.3.${i}.1`);
  assert.equal((await login("forgetful@example.com", "right-pass-123", "10.3.9.1")).status, 200);
  for (let i = 0; i < 4; i++)
    assert.equal(
      (await login("forgetful@example.com", "wrong-pass-000", `10.3.${i}.2`)).status,
      401,
    );
  assert.equal((await login("forgetful@example.com", "right-pass-123", "10.3.9.2")).status, 200);
});

test("guest sessions are rate-limited per IP", async () => {
  const guest = (ip: string) =>
    stack.call("/api/auth/guest", {
      client: true,
      method: "POST",
      headers: { "x-forwarded-for": ip },
    });
  for (let i = 0; i < 3; i++) assert.equal((await guest("10.4.0.1")).status, 201);
  const limited = await guest("10.4.0.1");
  assert.equal(limited.status, 429);
  assert.equal(limited.body.code, "RATE_LIMITED");
  assert.ok(Number(limited.headers.get("retry-after")) > 0);
  assert.equal((await guest("10.4.0.2")).status, 201);
  // Outside production, callers on this machine (e2e browsers, benchmarks) are not limited.
  for (let i = 0; i < 5; i++) assert.equal((await guest("127.0.0.1")).status, 201);
});

test("timing: an unknown email costs about as long as a wrong password", async () => {
  await stack.call("/api/auth/register", {
    client: true,
    json: { email: "timing@example.com", password: "timing-pass-123", name: "T" },
  });
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 7; i++) {
    let started = performance.now();
    await login("timing@example.com", "wrong-pass-000", `10.5.1.${i}`);
    known.push(performance.now() - started);
    started = performance.now();
    await login(`nobody${i}@example.com`, "wrong-pass-000", `10.5.2.${i}`);
    unknown.push(performance.now() - started);
    // A success clears the account's counter, so the samples never hit the lock.
    await login("timing@example.com", "timing-pass-123", `10.5.3.${i}`);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[3]!;
  const [k, u] = [median(known), median(unknown)];
  assert.ok(
    u > k * 0.6 && u < k * 1.6,
    `wrong password ${k.toFixed(1)} ms, unknown email ${u.toFixed(1)} ms`,
  );
});
