import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PASSWORD, startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const create = (key: string, payload: object, header = "idempotency-key") =>
  h.app.inject({
    method: "POST",
    url: "/api/members",
    headers: { ...h.internal, [header]: key },
    payload,
  });

test("a retried create with the same key returns the first answer, not a duplicate or a 409", async () => {
  const payload = { email: "retry@example.com", password: PASSWORD, name: "Retry" };
  const first = await create("create-retry-0001", payload);
  assert.equal(first.statusCode, 201);
  assert.equal(first.headers["idempotent-replayed"], undefined);
  const again = await create("create-retry-0001", payload);
  assert.equal(again.statusCode, 201);
  assert.deepEqual(again.json(), first.json());
  assert.equal(again.headers["idempotent-replayed"], "true");
  assert.equal(again.headers["x-idempotency-replayed"], "true");
  const alias = await create("create-retry-0001", payload, "x-idempotency-key");
  assert.deepEqual(alias.json(), first.json());
  assert.equal(await h.countMembers(), 1);
});

test("the same key with a different body is 422 IDEMPOTENCY_KEY_REUSED", async () => {
  await create("create-reuse-0001", {
    email: "reuse-a@example.com",
    password: PASSWORD,
    name: "A",
  });
  const other = await create("create-reuse-0001", {
    email: "reuse-b@example.com",
    password: PASSWORD,
    name: "B",
  });
  assert.equal(other.statusCode, 422);
  assert.equal(other.json().code, "IDEMPOTENCY_KEY_REUSED");
});

test("two concurrent creates with one key write one member", async () => {
  const before = await h.countMembers();
  const payload = { email: "race@example.com", password: PASSWORD, name: "Race" };
  const answers = await Promise.all([
    create("create-race-0001", payload),
    create("create-race-0001", payload),
  ]);
  const statuses = answers.map((a) => a.statusCode).sort();
  assert.ok(statuses.includes(201), statuses.join());
  for (const status of statuses) assert.ok([201, 409].includes(status), statuses.join());
  assert.equal(await h.countMembers(), before + 1);
});

test("a failed create frees the key so a corrected retry can succeed", async () => {
  const weak = await create("create-fix-0001", {
    email: "fix@example.com",
    password: "password",
    name: "Fix",
  });
  assert.equal(weak.statusCode, 400);
  const fixed = await create("create-fix-0001", {
    email: "fix@example.com",
    password: PASSWORD,
    name: "Fix",
  });
  assert.equal(fixed.statusCode, 201);
});

test("keys are scoped per caller and must be well formed", async () => {
  const payload = { email: "scoped@example.com", password: PASSWORD, name: "Scoped" };
  await create("create-scope-0001", payload);
  const admin = await h.bearer(crypto.randomUUID(), "admin");
  const byAdmin = await h.app.inject({
    method: "POST",
    url: "/api/members",
    headers: { ...admin, "idempotency-key": "create-scope-0001" },
    payload,
  });
  // Not a replay of the internal caller's answer: the admin's own attempt hits the unique email.
  assert.equal(byAdmin.statusCode, 409);
  const bad = await create("no spaces allowed!", payload);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().code, "IDEMPOTENCY_KEY_INVALID");
});
