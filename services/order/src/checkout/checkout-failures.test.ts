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
