import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startHarness, type Harness } from "../testing/harness.js";

describe("cart re-pricing, stock flags and expiry (real product service)", () => {
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
    const bag = await h.catalogue.create({ price: 50_000, stock: 5 });
    await put(me, bag.id, 2);
    await h.catalogue.update(bag.id, { price: 45_000 });
    const line = (await get(me)).lines[0];
    assert.deepEqual(
      [line.unitPrice, line.priceWhenAdded, line.priceChanged, line.lineTotal],
      [45_000, 50_000, true, 90_000],
    );
    // Adding again means the shopper has seen the new price.
    await put(me, bag.id, 1);
    const again = (await get(me)).lines[0];
    assert.deepEqual(
      [again.priceWhenAdded, again.priceChanged, again.quantity],
      [45_000, false, 3],
    );
  });

  it("flags lines beyond the stock and lines no longer for sale, and leaves the latter out of the subtotal", async () => {
    const me = randomUUID();
    const [a, b, c, d] = await Promise.all(
      [10_000, 20_000, 30_000, 40_000].map((price) => h.catalogue.create({ price, stock: 5 })),
    );
    await put(me, a!.id, 3);
    await put(me, b!.id, 1);
    await put(me, c!.id, 1);
    await put(me, d!.id, 1);
    await h.catalogue.update(a!.id, { stock: 2 });
    await h.catalogue.update(b!.id, { stock: 0 });
    await h.catalogue.remove(c!.id);
    await h.catalogue.update(d!.id, { status: "draft" });
    const cart = await get(me);
    const by = Object.fromEntries(cart.lines.map((l: { productId: string }) => [l.productId, l]));
    assert.deepEqual(
      [by[a!.id].exceedsStock, by[a!.id].outOfStock, by[a!.id].available],
      [true, false, 2],
    );
    assert.deepEqual([by[b!.id].exceedsStock, by[b!.id].outOfStock], [false, true]);
    assert.deepEqual(
      [by[c!.id].outOfStock, by[c!.id].unitPrice],
      [true, 30_000],
      "a deleted product keeps its last price",
    );
    assert.ok(by[c!.id].name, "and its name");
    assert.equal(by[d!.id].outOfStock, true, "a product taken off sale");
    assert.equal(cart.subtotal, 30_000, "only the purchasable line counts");
    assert.equal(cart.itemCount, 6);
    const addGone = await put(me, c!.id, 1);
    assert.equal(addGone.statusCode, 400);
    assert.equal(addGone.json().errors[0].field, "productId");
  });

  it("lowers a quantity above the stock, but does not raise it", async () => {
    const me = randomUUID();
    const item = await h.catalogue.create({ price: 1_000, stock: 9 });
    const lineId = (await put(me, item.id, 8)).json().lines[0].lineId;
    await h.catalogue.update(item.id, { stock: 3 });
    const patch = async (quantity: number) =>
      h.app.inject({
        method: "PATCH",
        url: `/api/cart/items/${lineId}`,
        headers: await h.auth(me),
        payload: { quantity },
      });
    assert.equal((await patch(5)).statusCode, 200);
    assert.equal((await patch(6)).statusCode, 409);
  });

  it("expires guest carts after 7 days and member carts after 30 of inactivity, refreshed on write", async () => {
    const item = await h.catalogue.create({ price: 1_000, stock: 9 });
    const guest = `guest_${randomUUID()}`;
    const member = randomUUID();
    await put(guest, item.id, 1);
    await put(member, item.id, 1);
    const guestTtl = await h.redis.ttl(`${h.prefix}cart:${guest}`);
    const memberTtl = await h.redis.ttl(`${h.prefix}cart:${member}`);
    assert.ok(guestTtl > 604_790 && guestTtl <= 604_800, `guest ttl ${guestTtl}`);
    assert.ok(memberTtl > 2_591_990 && memberTtl <= 2_592_000, `member ttl ${memberTtl}`);
    await h.redis.expire(`${h.prefix}cart:${member}`, 100);
    await put(member, item.id, 1);
    assert.ok(
      (await h.redis.ttl(`${h.prefix}cart:${member}`)) > 2_591_990,
      "a write refreshes the expiry",
    );
  });

  it("answers 503 with a problem, not a 500, when the product service is down", async () => {
    const me = randomUUID();
    const item = await h.catalogue.create({ price: 1_000, stock: 9 });
    await put(me, item.id, 1);
    await h.product.stop();
    const read = await h.app.inject({ method: "GET", url: "/api/cart", headers: await h.auth(me) });
    assert.equal(read.statusCode, 503);
    assert.equal(read.json().code, "UPSTREAM_UNAVAILABLE");
    const add = await put(me, item.id, 1);
    assert.equal(add.statusCode, 503);
    const empty = await h.app.inject({
      method: "GET",
      url: "/api/cart",
      headers: await h.auth(randomUUID()),
    });
    assert.equal(empty.statusCode, 200, "an empty cart needs no prices");
  });
});
