import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { AppError } from "./app-error.js";
import { catalogue, problemType } from "./catalogue.js";
import { fromProblem, toProblem } from "./problem.js";

test("an AppError renders as problem details with its catalogue status, code and request id", () => {
  const rendered = toProblem(
    new AppError("PRODUCT_NOT_FOUND", "No product 42"),
    "req-1",
    "/api/v1/products/42",
  );
  assert.equal(rendered.status, 404);
  assert.equal(rendered.headers["content-type"], "application/problem+json");
  assert.deepEqual(rendered.body, {
    type: "/problems/product-not-found",
    title: "Product not found",
    status: 404,
    detail: "No product 42",
    code: "PRODUCT_NOT_FOUND",
    requestId: "req-1",
    instance: "/api/v1/products/42",
  });
});

test("an unknown error becomes a generic 500 that does not leak its message", () => {
  const rendered = toProblem(new Error('relation "members" does not exist'));
  assert.equal(rendered.status, 500);
  assert.equal(rendered.body.code, "INTERNAL_ERROR");
  assert.doesNotMatch(JSON.stringify(rendered.body), /relation|members/);
});

test("a ZodError becomes VALIDATION_FAILED with one entry per field", () => {
  const result = z
    .object({ email: z.string().email(), age: z.number() })
    .safeParse({ email: "x", age: "y" });
  assert.equal(result.success, false);
  const rendered = toProblem(result.error);
  assert.equal(rendered.status, 400);
  assert.deepEqual(
    rendered.body.errors?.map((e) => e.field),
    ["email", "age"],
  );
});

test("framework errors with an HTTP status keep the caller's 4xx meaning", () => {
  const tooLarge = Object.assign(new Error("request entity too large"), { status: 413 });
  assert.equal(toProblem(tooLarge).body.code, "BODY_TOO_LARGE");
  const badJson = Object.assign(new Error("Unexpected token } in JSON"), { statusCode: 400 });
  assert.equal(toProblem(badJson).body.code, "MALFORMED_JSON");
});

test("extra headers such as Retry-After travel with the problem", () => {
  const rendered = toProblem(
    new AppError("RATE_LIMITED", "Slow down", { headers: { "retry-after": "7" } }),
  );
  assert.equal(rendered.status, 429);
  assert.equal(rendered.headers["retry-after"], "7");
});

test("an upstream problem is rebuilt with the same code; unknown codes fall back by status", () => {
  assert.equal(
    fromProblem({ code: "MEMBER_EMAIL_TAKEN", detail: "taken" }, 409).code,
    "MEMBER_EMAIL_TAKEN",
  );
  assert.equal(fromProblem({ code: "SOMETHING_ELSE" }, 502).code, "UPSTREAM_BAD_RESPONSE");
  assert.equal(fromProblem("not json", 400).code, "VALIDATION_FAILED");
});

test("every catalogue entry has a 4xx/5xx status, a title and a distinct problem type", () => {
  const types = new Set<string>();
  for (const [code, entry] of Object.entries(catalogue)) {
    assert.ok(entry.status >= 400 && entry.status < 600, code);
    assert.ok(entry.title.length > 0, code);
    types.add(problemType(code as keyof typeof catalogue));
  }
  assert.equal(types.size, Object.keys(catalogue).length);
});

test("an unavailable or timed-out answer always says when to try again", () => {
  const timedOut = toProblem(new AppError("UPSTREAM_TIMEOUT"));
  assert.equal(timedOut.status, 504);
  assert.equal(timedOut.headers["retry-after"], "5");
  const own = toProblem(
    new AppError("CIRCUIT_OPEN", undefined, { headers: { "Retry-After": "9" } }),
  );
  assert.deepEqual(
    Object.entries(own.headers).filter(([name]) => name.toLowerCase() === "retry-after"),
    [["Retry-After", "9"]],
  );
  assert.equal(toProblem(new AppError("ORDER_NOT_FOUND")).headers["retry-after"], undefined);
});
