import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startHarness, type Harness } from "../testing/harness.js";

describe("cart re-pricing and expiry", () => {
  let h: Harness;

  before(async () => {
    h = await startHarness({
      GUEST_CART_TTL_SECONDS: "604800",
      MEMBER_CART_TTL_SECONDS: "2592000",
    });
  });
  after(() => h.close());

  const put = async (sub: string, productId: string, quantity: number) =>
    h.app.inject({
      method: "POST",
      url: "/api/cart/items",
      headers: await h.auth(sub),
      payload: { productId, quantity },
    });
  const get = async (sub: string) =>
    (await h.app.inject({ method: "GET", url: "/api/cart", headers: await h.auth(sub) })).json();

  it("re-prices on read and flags lines whose price changed", async () => {
    const me = randomUUID();
    const id = randomUUID();
    h.product.catalogue.set(id, { name: "Bag", price: 50_000, available: 5 });
    await put(me, id, 2);
    h.product.catalogue.set(id, { name: "Bag", price: 45_000, available: 5 });
    const line = (await get(me)).lines[0];
    assert.equal(line.unitPrice, 45_000);
    assert.equal(line.priceWhenAdded, 50_000);
    assert.equal(line.priceChanged, true);
    assert.equal(line.lineTotal, 90_000);
    // Adding again means the shopper has seen the new price.
    await put(me, id, 1);
    const again = (await get(me)).lines[0];
    assert.equal(again.priceWhenAdded, 45_000);
    assert.equal(again.priceChanged, false);
    assert.equal(again.quantity, 3);
  });

  it("flags lines beyond the stock and lines out of stock, and leaves the latter out of the subtotal", async () => {
    const me = randomUUID();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    h.product.catalogue.set(a, { name: "A", price: 10_000, available: 5 });
    h.product.catalogue.set(b, { name: "B", price: 20_000, available: 5 });
    h.product.catalogue.set(c, { name: "C", price: 30_000, available: 5 });
    await put(me, a, 3);
    await put(me, b, 1);
    await put(me, c, 1);
    h.product.catalogue.set(a, { name: "A", price: 10_000, available: 2 });
    h.product.catalogue.set(b, { name: "B", price: 20_000, available: 0 });
    h.product.catalogue.delete(c);
    const cart = await get(me);
    const byId = Object.fromEntries(cart.lines.map((l: { productId: string }) => [l.productId, l]));
    assert.deepEqual(
      [byId[a].exceedsStock, byId[a].outOfStock, byId[a].available],
      [true, false, 2],
    );
    assert.deepEqual([byId[b].exceedsStock, byId[b].outOfStock], [false, true]);
    assert.deepEqual(
      [byId[c].outOfStock, byId[c].name, byId[c].unitPrice],
      [true, "C", 30_000],
      "a vanished product keeps its name and last price",
    );
    assert.equal(cart.subtotal, 30_000);
    assert.equal(cart.itemCount, 5);
  });

  it("lowers a quantity above the stock, but does not raise it", async () => {
    const me = randomUUID();
    const id = randomUUID();
    h.product.catalogue.set(id, { name: "D", price: 1_000, available: 9 });
    const lineId = (await put(me, id, 8)).json().lines[0].lineId;
    h.product.catalogue.set(id, { name: "D", price: 1_000, available: 3 });
    const down = await h.app.inject({
      method: "PATCH",
      url: `/api/cart/items/${lineId}`,
      headers: await h.auth(me),
      payload: { quantity: 5 },
    });
    assert.equal(down.statusCode, 200);
    const up = await h.app.inject({
      method: "PATCH",
      url: `/api/cart/items/${lineId}`,
      headers: await h.auth(me),
      payload: { quantity: 6 },
    });
    assert.equal(up.statusCode, 409);
  });

  it("expires guest carts after 7 days and member carts after 30 of inactivity, refreshed on write", async () => {
    const id = randomUUID();
    h.product.catalogue.set(id, { name: "E", price: 1_000, available: 9 });
    const guest = `guest_${randomUUID()}`;
    const member = randomUUID();
    await put(guest, id, 1);
    await put(member, id, 1);
    const guestTtl = await h.redis.ttl(`${h.prefix}cart:${guest}`);
    const memberTtl = await h.redis.ttl(`${h.prefix}cart:${member}`);
    assert.ok(guestTtl > 604_790 && guestTtl <= 604_800, `guest ttl ${guestTtl}`);
    assert.ok(memberTtl > 2_591_990 && memberTtl <= 2_592_000, `member ttl ${memberTtl}`);
    await h.redis.expire(`${h.prefix}cart:${member}`, 100);
    await put(member, id, 1);
    assert.ok(
      (await h.redis.ttl(`${h.prefix}cart:${member}`)) > 2_591_990,
      "a write refreshes the expiry",
    );
  });

  it("answers 503 with a problem when the product service is down", async () => {
    const me = randomUUID();
    const saved = h.product.url;
    await h.product.close();
    const res = await h.app.inject({ method: "GET", url: "/api/cart", headers: await h.auth(me) });
    assert.equal(res.statusCode, 200, "an empty cart needs no prices");
    const add = await put(me, randomUUID(), 1);
    assert.equal(add.statusCode, 503);
    assert.equal(add.json().code, "UPSTREAM_UNAVAILABLE");
    assert.ok(saved);
  });
});
