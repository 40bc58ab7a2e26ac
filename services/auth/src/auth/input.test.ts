// Issue 3: malformed JSON, missing fields, overlong strings, invalid email, duplicate email (409)
// and an oversized body (413) get the right 4xx and write nothing; the client key is required.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { basic, startStack, type Stack } from "../testing/stack.js";

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack.close());

const members = async () =>
  Number((await stack.sql<{ n: string }>("SELECT count(*) AS n FROM members"))[0]?.n);
const register = (json: unknown, headers: Record<string, string> = {}) =>
  stack.call("/api/auth/register", { client: true, json, headers });

test("bad registrations get field errors and write nothing", async () => {
  const before = await members();
  const cases: Array<[string, unknown, number, string, string?]> = [
    ["missing fields", {}, 400, "VALIDATION_FAILED", "email"],
    [
      "missing password",
      { email: "a@example.com", name: "A" },
      400,
      "VALIDATION_FAILED",
      "password",
    ],
    [
      "invalid email",
      { email: "nope", password: "fine-pass-123", name: "A" },
      400,
      "VALIDATION_FAILED",
      "email",
    ],
    [
      "overlong name",
      { email: "a@example.com", password: "fine-pass-123", name: "n".repeat(101) },
      400,
      "VALIDATION_FAILED",
      "name",
    ],
    [
      "overlong password",
      { email: "a@example.com", password: "p".repeat(129), name: "A" },
      400,
      "VALIDATION_FAILED",
      "password",
    ],
    [
      "overlong email",
      { email: `${"e".repeat(250)}@example.com`, password: "fine-pass-123", name: "A" },
      400,
      "VALIDATION_FAILED",
      "email",
    ],
    [
      "common password",
      { email: "a@example.com", password: "qwerty123", name: "A" },
      400,
      "PASSWORD_TOO_WEAK",
      "password",
    ],
    ["not an object", [1, 2], 400, "VALIDATION_FAILED"],
  ];
  for (const [name, json, status, code, field] of cases) {
    const res = await register(json);
    assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.code, code, name);
    assert.match(res.headers.get("content-type") ?? "", /application\/problem\+json/, name);
    if (field)
      assert.ok(
        res.body.errors.some((e: { field: string }) => e.field === field),
        `${name}: ${JSON.stringify(res.body.errors)}`,
      );
  }
  assert.equal(await members(), before);
});

test("malformed JSON is 400, a non-JSON body 415 and an oversized body 413, with nothing written", async () => {
  const before = await members();
  const malformed = await stack.call("/api/auth/register", {
    client: true,
    raw: '{"email": "x@example.com", "password":',
  });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.body.code, "MALFORMED_JSON");
  const form = await stack.call("/api/auth/login", {
    client: true,
    raw: "email=a&password=b",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  assert.equal(form.status, 415);
  assert.equal(form.body.code, "UNSUPPORTED_MEDIA_TYPE");
  const huge = await register({
    email: "big@example.com",
    password: "fine-pass-123",
    name: "Big",
    padding: "x".repeat(70 * 1024),
  });
  assert.equal(huge.status, 413);
  assert.equal(huge.body.code, "BODY_TOO_LARGE");
  assert.equal(await members(), before);
});

test("a duplicate email is 409 regardless of case", async () => {
  const first = await register({
    email: "twice@example.com",
    password: "fine-pass-123",
    name: "Once",
  });
  assert.equal(first.status, 201);
  const before = await members();
  const second = await register({
    email: "Twice@Example.com",
    password: "other-pass-456",
    name: "Twice",
  });
  assert.equal(second.status, 409);
  assert.equal(second.body.code, "MEMBER_EMAIL_TAKEN");
  assert.equal(await members(), before);
});

test("a retried registration with the same Idempotency-Key creates one member", async () => {
  const json = { email: "idem@example.com", password: "fine-pass-123", name: "Idem" };
  const first = await register(json, { "idempotency-key": "register-idem-0001" });
  const again = await register(json, { "idempotency-key": "register-idem-0001" });
  assert.equal(first.status, 201);
  assert.equal(again.status, 201, JSON.stringify(again.body));
  assert.equal(again.body.user.id, first.body.user.id);
  const rows = await stack.sql("SELECT id FROM members WHERE email = $1", ["idem@example.com"]);
  assert.equal(rows.length, 1);
});

test("token-minting routes need the first-party client key", async () => {
  const json = { email: "client@example.com", password: "fine-pass-123" };
  const attempts: Array<[string, Record<string, string>]> = [
    ["missing", {}],
    ["wrong key", { authorization: basic("storefront", "wrong-key") }],
    ["unknown client", { authorization: basic("someone", stack.config.AUTH_CLIENT_KEY) }],
    ["bearer instead", { authorization: "Bearer abc" }],
  ];
  for (const path of [
    "/api/auth/login",
    "/api/auth/register",
    "/api/auth/guest",
    "/api/auth/refresh",
  ]) {
    for (const [name, headers] of attempts) {
      const res = await stack.call(path, { json, headers });
      assert.equal(res.status, 401, `${path} ${name}`);
      assert.equal(res.body.code, "AUTH_CLIENT_INVALID");
      assert.match(res.headers.get("www-authenticate") ?? "", /^Basic/);
    }
  }
  const edge = await stack.call("/api/auth/guest", {
    method: "POST",
    headers: { authorization: basic("edge-proxy") },
  });
  assert.equal(edge.status, 201);
});

test("unknown routes and methods answer problem details", async () => {
  const missing = await stack.call("/api/auth/nope");
  assert.equal(missing.status, 404);
  assert.equal(missing.body.code, "ROUTE_NOT_FOUND");
  const method = await stack.call("/api/auth/login", { method: "GET" });
  assert.equal(method.status, 405);
  assert.equal(method.body.code, "METHOD_NOT_ALLOWED");
});
