import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { publishRevocation } from "@shop/platform/redis";
import { waitFor } from "@shop/test-kit";
import { startHarness, type Harness } from "../testing/harness.js";

describe("cart access", () => {
  let h: Harness;
  let item: string;

  before(async () => {
    h = await startHarness();
    item = (await h.catalogue.create({ price: 5_000, stock: 50 })).id;
  });
  after(() => h.close());

  it("needs a valid Bearer token, checked before the body", async () => {
    const none = await h.app.inject({
      method: "POST",
      url: "/api/cart/items",
      payload: { nonsense: true },
    });
    assert.equal(none.statusCode, 401);
    assert.equal(none.json().code, "AUTH_REQUIRED");
    const bad = await h.app.inject({
      method: "GET",
      url: "/api/cart",
      headers: { authorization: "Bearer abc.def.ghi" },
    });
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.json().code, "AUTH_TOKEN_INVALID");
    const expired = await h.issuer.sign({ sub: randomUUID(), role: "customer", expiresIn: -60 });
    const old = await h.app.inject({
      method: "GET",
      url: "/api/cart",
      headers: { authorization: `Bearer ${expired}` },
    });
    assert.equal(old.json().code, "AUTH_TOKEN_EXPIRED");
  });

  it("ignores identity headers and rejects a revoked session within moments", async () => {
    const me = randomUUID();
    const sid = randomUUID();
    const token = await h.issuer.sign({ sub: me, role: "customer", sid });
    const spoof = await h.app.inject({
      method: "GET",
      url: "/api/cart",
      headers: { "x-user-id": me },
    });
    assert.equal(spoof.statusCode, 401);
    const ok = await h.app.inject({
      method: "GET",
      url: "/api/cart",
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(ok.statusCode, 200);
    await publishRevocation(h.redis, { kind: "sid", id: sid }, Date.now() + 3_600_000, h.prefix);
    const res = await waitFor(
      async () => {
        const r = await h.app.inject({
          method: "GET",
          url: "/api/cart",
          headers: { authorization: `Bearer ${token}` },
        });
        return r.statusCode === 401 ? r : undefined;
      },
      2_000,
      20,
    );
    assert.equal(res.json().code, "AUTH_SESSION_REVOKED");
  });

  it("serves the order service the priced cart and deletes it after checkout (internal key required)", async () => {
    const me = randomUUID();
    await h.app.inject({
      method: "POST",
      url: "/api/cart/items",
      headers: await h.auth(me),
      payload: { productId: item, quantity: 2 },
    });
    const key = { "x-internal-key": h.internalKey };
    const denied = await h.app.inject({
      method: "GET",
      url: `/internal/carts/${me}`,
      headers: { "x-internal-key": "wrong" },
    });
    assert.equal(denied.statusCode, 401);
    assert.equal(denied.json().code, "INTERNAL_AUTH_REQUIRED");
    const cart = await h.app.inject({ method: "GET", url: `/internal/carts/${me}`, headers: key });
    assert.equal(cart.statusCode, 200);
    assert.equal(cart.json().subtotal, 10_000);
    assert.equal(cart.json().lines[0].quantity, 2);
    const gone = await h.app.inject({
      method: "DELETE",
      url: `/internal/carts/${me}`,
      headers: key,
    });
    assert.equal(gone.statusCode, 204);
    const after = await h.app.inject({
      method: "GET",
      url: "/api/cart",
      headers: await h.auth(me),
    });
    assert.deepEqual(after.json().lines, []);
  });

  it("guards internal routes per route: encoded spellings of the path never skip the key check", async () => {
    const me = randomUUID();
    await h.app.inject({
      method: "POST",
      url: "/api/cart/items",
      headers: await h.auth(me),
      payload: { productId: item, quantity: 1 },
    });
    for (const url of [
      `/%69nternal/carts/${me}`,
      `/%49nternal/carts/${me}`,
      `/internal/%63arts/${me}`,
      `//internal/carts/${me}`,
      `/internal/carts/${me}/`,
      `/INTERNAL/carts/${me}`,
    ]) {
      for (const method of ["GET", "DELETE"] as const) {
        const res = await h.app.inject({ method, url });
        assert.ok([401, 404].includes(res.statusCode), `${method} ${url} → ${res.statusCode}`);
      }
    }
    // The cart is still there: nothing was read or deleted without the key.
    const cart = await h.app.inject({
      method: "GET",
      url: `/internal/carts/${me}`,
      headers: { "x-internal-key": h.internalKey },
    });
    assert.equal(cart.json().lines.length, 1);
  });

  it("documents every route at /docs", async () => {
    const res = await h.app.inject({ method: "GET", url: "/docs/json" });
    assert.equal(res.statusCode, 200);
    const paths = Object.keys(res.json().paths);
    for (const path of [
      "/api/cart",
      "/api/cart/items",
      "/api/cart/items/{lineId}",
      "/api/cart/merge",
      "/internal/carts/{ownerId}",
    ]) {
      assert.ok(paths.includes(path), `${path} in ${paths.join(", ")}`);
    }
  });
});
