import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { call, guestCheckout, LATER_CARD, startStack, type Stack } from "../testing/stack.js";

describe("checkout when payment is unavailable", () => {
  let s: Stack;
  before(async () => {
    s = await startStack({ paymentDown: true });
  });
  after(() => s.close());

  it("answers a clear 503, cancels the order and releases the reservation", async () => {
    const sub = `guest_${randomUUID().slice(0, 12)}`;
    const token = await s.auth.token("guest", sub);
    const item = s.product.add({ stock: 5 });
    s.cart.put(sub, [{ productId: item.id, quantity: 2 }]);
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout(),
    });
    assert.equal(res.status, 503);
    assert.equal(res.body.code, "PAYMENT_UNAVAILABLE");
    assert.match(res.body.detail, /not been charged/);
    assert.ok(res.headers.get("retry-after"));
    assert.equal(s.product.reservations.get(res.body.orderId)?.status, "released");
    assert.equal(s.product.products.get(item.id)?.stock, 5);
    const order = await call(s, "GET", `/api/orders/${res.body.orderId}`, { token });
    assert.equal(order.body.state, "cancelled");
    assert.equal(s.cart.carts.has(sub), true, "the cart is kept for a retry");
  });

  it("a retry with the same key after that 503 is a fresh attempt, not the same failure forever", async () => {
    const sub = `guest_${randomUUID().slice(0, 12)}`;
    const token = await s.auth.token("guest", sub);
    const item = s.product.add({ stock: 5 });
    s.cart.put(sub, [{ productId: item.id, quantity: 1 }]);
    const key = randomUUID();
    const send = () => call(s, "POST", "/api/checkout", { token, key, body: guestCheckout() });
    const first = await send();
    const second = await send();
    assert.equal(first.status, 503);
    assert.equal(second.status, 503);
    assert.equal(second.headers.get("idempotent-replayed"), null);
    assert.notEqual(second.body.orderId, first.body.orderId, "the retry ran again");
    const earlier = await call(s, "GET", `/api/orders/${first.body.orderId}`, { token });
    assert.equal(earlier.body.state, "cancelled", "the first attempt stays undone");
    assert.equal(s.product.products.get(item.id)?.stock, 5);
    const changed = await call(s, "POST", "/api/checkout", {
      token,
      key,
      body: guestCheckout({ email: "someone-else@example.com" }),
    });
    assert.equal(changed.status, 422, "the same key with another request is still refused");
  });
});

describe("an interrupted checkout (its process died mid-saga)", () => {
  let s: Stack;
  before(async () => {
    s = await startStack({ env: { CHECKOUT_STALE_AFTER_SECONDS: "1" } });
  });
  after(() => s.close());

  it("is undone by the sweeper, and the shopper's retry with the same key gets a fresh attempt", async () => {
    const sub = `guest_${randomUUID().slice(0, 12)}`;
    const token = await s.auth.token("guest", sub);
    const item = s.product.add({ stock: 3 });
    s.cart.put(sub, [{ productId: item.id, quantity: 1 }]);
    const key = randomUUID();
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key,
      body: guestCheckout({ payment: LATER_CARD }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const id = res.body.order.id as string;
    // What a process that died after reserving stock and writing the order leaves behind.
    await s.order.db.query(
      "UPDATE orders SET checkout_status = 'running', updated_at = now() - interval '1 hour' WHERE id = $1",
      [id],
    );
    const waiting = await call(s, "POST", "/api/checkout", {
      token,
      key,
      body: guestCheckout({ payment: LATER_CARD }),
    });
    assert.equal(waiting.status, 409, "while it looks alive, a retry is told to wait");
    assert.equal(await s.order.sweeper.sweep(), 1);
    const undone = await call(s, "GET", `/api/orders/${id}`, { token });
    assert.equal(undone.body.state, "cancelled");
    assert.equal(undone.body.payment.status, "voided", "the held money is returned");
    assert.equal(s.product.held(item.id), 0, "the stock is returned");
    const retried = await call(s, "POST", "/api/checkout", {
      token,
      key,
      body: guestCheckout({ payment: LATER_CARD }),
    });
    assert.equal(retried.status, 201, JSON.stringify(retried.body));
    assert.notEqual(retried.body.order.id, id);
  });
});

describe("reservation timeout", () => {
  let s: Stack;
  before(async () => {
    // The provider "settles later" far beyond the reservation: the order must not hold stock past its TTL.
    s = await startStack({
      env: { RESERVATION_TTL_SECONDS: "1" },
      paymentEnv: { TEST_PROVIDER_SETTLE_DELAY_MS: "600000" },
    });
  });
  after(() => s.close());

  it("cancels an unpaid order after the TTL, voids its payment and puts the stock back", async () => {
    const sub = `guest_${randomUUID().slice(0, 12)}`;
    const token = await s.auth.token("guest", sub);
    const item = s.product.add({ stock: 4 });
    s.cart.put(sub, [{ productId: item.id, quantity: 3 }]);
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout({ payment: LATER_CARD }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.order.state, "pending_payment");
    assert.equal(s.product.products.get(item.id)?.stock, 1);
    assert.equal(await s.order.sweeper.sweep(), 0, "nothing expires early");
    await new Promise((r) => setTimeout(r, 1_300));
    assert.equal(await s.order.sweeper.sweep(), 1);
    const order = await call(s, "GET", `/api/orders/${res.body.order.id}`, { token });
    assert.equal(order.body.state, "cancelled");
    assert.equal(order.body.payment.status, "voided");
    assert.equal(order.body.transitions.at(-1).actorType, "system");
    assert.equal(s.product.products.get(item.id)?.stock, 4);
    assert.equal(s.product.held(item.id), 0);
  });
});
