import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startHarness, type Harness } from "../testing/harness.js";

// Product ids as the product service makes them (UUIDs).
const P1 = "0b9c6f3e-8a52-4d1e-9f07-3c2a1b4d5e61";
const P2 = "5e2d8c71-04fa-4b39-a6c8-7d1e9f20b3a4";
const P9 = "c4a7e2b9-6d13-5f80-8b2e-91f0a3c5d7e8";

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

test("members keep a wishlist: adding twice keeps the first time, removing is idempotent", async () => {
  const me = await h.createMember();
  const headers = await h.bearer(me.id);
  const put = (id: string) =>
    h.app.inject({ method: "PUT", url: `/api/members/me/wishlist/${id}`, headers });
  const first = await put(P1);
  assert.equal(first.statusCode, 200);
  await new Promise((r) => setTimeout(r, 5));
  const again = await put(P1);
  assert.equal(again.json().addedAt, first.json().addedAt);
  await new Promise((r) => setTimeout(r, 5));
  await put(P2);

  const list = await h.app.inject({ method: "GET", url: "/api/members/me/wishlist", headers });
  assert.equal(list.statusCode, 200);
  const page = list.json();
  assert.deepEqual(
    page.items.map((i: { productId: string }) => i.productId),
    [P2, P1],
  );
  assert.equal(page.total, 2);

  for (let i = 0; i < 2; i++) {
    const del = await h.app.inject({
      method: "DELETE",
      url: `/api/members/me/wishlist/${P1}`,
      headers,
    });
    assert.equal(del.statusCode, 204);
  }
  const after = await h.app.inject({ method: "GET", url: "/api/members/me/wishlist", headers });
  assert.deepEqual(
    after.json().items.map((i: { productId: string }) => i.productId),
    [P2],
  );
});

test("wishlists are for members only and product ids are validated", async () => {
  const guest = await h.bearer("guest_xyz", "guest");
  assert.equal(
    (await h.app.inject({ method: "GET", url: "/api/members/me/wishlist", headers: guest }))
      .statusCode,
    403,
  );
  assert.equal(
    (await h.app.inject({ method: "GET", url: "/api/members/me/wishlist" })).statusCode,
    401,
  );
  const me = await h.createMember();
  const bad = await h.app.inject({
    method: "PUT",
    url: `/api/members/me/wishlist/${"x".repeat(65)}`,
    headers: await h.bearer(me.id),
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().code, "VALIDATION_FAILED");
});

test("only product-shaped ids reach a wishlist: junk path segments are refused and nothing is stored", async () => {
  const me = await h.createMember();
  const headers = await h.bearer(me.id);
  const junk = [
    "-1",
    "1e309",
    "prod-1",
    "x".repeat(64),
    "%00",
    "..%2f",
    "%27%20OR%201%3D1",
    encodeURIComponent("🛒"),
    `${P1}x`,
    "00000000-0000-0000-0000-000000000000",
    "not-a-uuid-but-a-slug",
  ];
  for (const id of junk) {
    for (const method of ["PUT", "DELETE"] as const) {
      const res = await h.app.inject({ method, url: `/api/members/me/wishlist/${id}`, headers });
      assert.equal(res.statusCode, 400, `${method} ${id}: ${res.body}`);
      assert.match(String(res.headers["content-type"]), /application\/problem\+json/);
      assert.equal(res.json().code, "VALIDATION_FAILED", `${method} ${id}`);
    }
  }
  // `..` (also as `%2e%2e`) is resolved away before routing: the wishlist, which takes no PUT.
  for (const dots of ["..", "%2e%2e"]) {
    const res = await h.app.inject({
      method: "PUT",
      url: `/api/members/me/wishlist/${dots}`,
      headers,
    });
    assert.equal(res.statusCode, 404, dots);
    assert.equal(res.json().code, "ROUTE_NOT_FOUND");
  }
  const rows = await h.sql<{ n: string }>(
    "SELECT count(*) AS n FROM wishlist_items WHERE member_id = $1",
    [me.id],
  );
  assert.equal(Number(rows[0]?.n), 0);
});

test("a deleted member's wishlist goes with them", async () => {
  const me = await h.createMember();
  const headers = await h.bearer(me.id);
  await h.app.inject({ method: "PUT", url: `/api/members/me/wishlist/${P9}`, headers });
  const before = await h.sql<{ n: string }>(
    "SELECT count(*) AS n FROM wishlist_items WHERE member_id = $1",
    [me.id],
  );
  assert.equal(Number(before[0]?.n), 1);
  const admin = await h.bearer(crypto.randomUUID(), "admin");
  assert.equal(
    (await h.app.inject({ method: "DELETE", url: `/api/members/${me.id}`, headers: admin }))
      .statusCode,
    204,
  );
  const rows = await h.sql<{ n: string }>(
    "SELECT count(*) AS n FROM wishlist_items WHERE member_id = $1",
    [me.id],
  );
  assert.equal(Number(rows[0]?.n), 0);
});
