// Odd input never produces a 500 or a driver message: every answer is a 2xx or a 4xx problem.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestService, type TestService } from "./test-support.js";

let svc: TestService;
before(async () => {
  svc = await startTestService({ seed: false });
});
after(() => svc?.close());

const odd = [
  "%00",
  "%00abc",
  "'%3B--",
  "%F0%9F%98%80",
  "a".repeat(300),
  "..%2F..",
  "%E0%A4%A",
  "00000000-0000-0000-0000-00000000000g",
];

test("odd path and query values", async () => {
  for (const value of odd) {
    for (const path of [
      `/api/v1/products/${value}`,
      `/api/v1/products?q=${value}`,
      `/api/v1/products?category=${value}`,
      `/api/v1/products?ids=${value}`,
      `/api/v1/categories/${value}`,
      `/api/v1/products/${value}/reviews`,
      `/images/${value}`,
    ]) {
      const res = await svc.api("GET", path);
      assert.ok(res.status < 500, `${path} → ${res.status} ${JSON.stringify(res.body)}`);
      if (res.status >= 400) assert.ok(res.body.code, `${path} answers a problem`);
    }
  }
});

test("odd JSON bodies", async () => {
  const bodies = [
    { name: "a\u0000b", brand: "b", categoryId: "x", price: 1 },
    { name: "a", brand: "b", categoryId: "\u0000", price: 1 },
    { name: "a", brand: "b", categoryId: "x", price: 1e20 },
    { name: "a", brand: "b", categoryId: "x", price: 1.5 },
    [1, 2, 3],
    "just a string",
    null,
  ];
  for (const body of bodies) {
    const res = await svc.api("POST", "/api/v1/products", { token: svc.tokens.admin, body });
    assert.ok(
      res.status >= 400 && res.status < 500,
      `${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`,
    );
    assert.doesNotMatch(
      JSON.stringify(res.body),
      /QueryFailed|postgres|pg_|relation "|violates|byte sequence/i,
    );
  }
  const category = await svc.api("POST", "/api/v1/categories", {
    token: svc.tokens.admin,
    body: { name: "x\u0000", iconCode: "x" },
  });
  assert.ok(category.status >= 400 && category.status < 500, JSON.stringify(category.body));
  const internal = { "x-internal-key": svc.config.INTERNAL_KEY };
  const reservation = await svc.api("POST", "/internal/reservations", {
    headers: internal,
    body: { reservationId: "x", items: "nope" },
  });
  assert.equal(reservation.status, 400);
  const release = await svc.api("POST", `/internal/reservations/${"%00"}/release`, {
    headers: internal,
  });
  assert.ok(release.status >= 400 && release.status < 500, JSON.stringify(release.body));
});
