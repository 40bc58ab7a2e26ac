import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startHarness, type Harness } from "../testing/harness.js";

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
  const first = await put("prod-1");
  assert.equal(first.statusCode, 200);
  await new Promise((r) => setTimeout(r, 5));
  const again = await put("prod-1");
  assert.equal(again.json().addedAt, first.json().addedAt);
  await new Promise((r) => setTimeout(r, 5));
  await put("prod-2");

  const list = await h.app.inject({ method: "GET", url: "/api/members/me/wishlist", headers });
  assert.equal(list.statusCode, 200);
  const page = list.json();
  assert.deepEqual(
    page.items.map((i: { productId: string }) => i.productId),
    ["prod-2", "prod-1"],
  );
  assert.equal(page.total, 2);

  for (let i = 0; i < 2; i++) {
    const del = await h.app.inject({
      method: "DELETE",
      url: "/api/members/me/wishlist/prod-1",
      headers,
    });
    assert.equal(del.statusCode, 204);
  }
  const after = await h.app.inject({ method: "GET", url: "/api/members/me/wishlist", headers });
  assert.deepEqual(
    after.json().items.map((i: { productId: string }) => i.productId),
    ["prod-2"],
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

test("a deleted member's wishlist goes with them", async () => {
  const me = await h.createMember();
  const headers = await h.bearer(me.id);
  await h.app.inject({ method: "PUT", url: "/api/members/me/wishlist/prod-9", headers });
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
