import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { call, guestCheckout, startStack, type Stack } from "../testing/stack.js";

describe("orders", () => {
  let s: Stack;
  let admin: string;
  before(async () => {
    s = await startStack();
    admin = await s.auth.token("admin");
  });
  after(() => s.close());

  /** A paid order of a new customer; answers the customer's token and the order. */
  const paidOrder = async (quantity = 1) => {
    const memberId = randomUUID();
    const token = await s.auth.token("customer", memberId);
    const item = s.product.add({ stock: 10, price: 12_000, originalPrice: 12_000 });
    s.cart.put(memberId, [{ productId: item.id, quantity }]);
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout({ email: "buyer@example.com" }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { token, memberId, item, order: res.body.order };
  };
  const transition = (id: string, to: string, token = admin) =>
    call(s, "POST", `/api/admin/orders/${id}/transitions`, { token, body: { to, reason: "test" } });

  it("lists only the caller's own orders, paginated", async () => {
    const first = await paidOrder();
    const token = first.token;
    const item = s.product.add({ stock: 5 });
    s.cart.put(first.memberId, [{ productId: item.id, quantity: 1 }]);
    await call(s, "POST", "/api/checkout", { token, key: randomUUID(), body: guestCheckout() });
    await paidOrder();
    const page1 = await call(s, "GET", "/api/orders?page=1&limit=1", { token });
    assert.equal(page1.status, 200);
    assert.equal(page1.body.total, 2);
    assert.equal(page1.body.totalPages, 2);
    assert.equal(page1.body.items.length, 1);
    const bad = await call(s, "GET", "/api/orders?limit=1000", { token });
    assert.equal(bad.status, 400);
  });

  it("answers 404 when a customer asks for someone else's order", async () => {
    const { order } = await paidOrder();
    const stranger = await s.auth.token("customer");
    const res = await call(s, "GET", `/api/orders/${order.id}`, { token: stranger });
    assert.equal(res.status, 404);
    assert.equal(res.body.code, "ORDER_NOT_FOUND");
    const cancel = await call(s, "POST", `/api/orders/${order.id}/cancel`, {
      token: stranger,
      body: {},
    });
    assert.equal(cancel.status, 404);
    assert.equal((await call(s, "GET", "/api/orders/not-a-uuid", { token: stranger })).status, 400);
  });

  it("lets an admin walk an order to delivered, recording each transition with its actor", async () => {
    const { token, order } = await paidOrder();
    for (const to of ["preparing", "shipped", "delivered"]) {
      const res = await transition(order.id, to);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, to);
    }
    const detail = await call(s, "GET", `/api/orders/${order.id}`, { token });
    const last = detail.body.transitions.at(-1);
    assert.deepEqual(
      [last.from, last.to, last.actorType, last.reason],
      ["shipped", "delivered", "admin", "test"],
    );
    assert.ok(!Number.isNaN(Date.parse(last.at)));
    const back = await transition(order.id, "paid");
    assert.equal(back.status, 409);
  });

  it("refuses invalid transitions with 409: ship a cancelled order, cancel a shipped one", async () => {
    const a = await paidOrder();
    // A cancel button posts no body at all.
    assert.equal(
      (await call(s, "POST", `/api/orders/${a.order.id}/cancel`, { token: a.token })).status,
      200,
    );
    const ship = await transition(a.order.id, "shipped");
    assert.equal(ship.status, 409);
    assert.equal(ship.body.code, "ORDER_TRANSITION_INVALID");
    const b = await paidOrder();
    await transition(b.order.id, "preparing");
    await transition(b.order.id, "shipped");
    const cancel = await call(s, "POST", `/api/orders/${b.order.id}/cancel`, {
      token: b.token,
      body: {},
    });
    assert.equal(cancel.status, 409);
    assert.equal(cancel.body.code, "ORDER_TRANSITION_INVALID");
    const skip = await transition((await paidOrder()).order.id, "delivered");
    assert.equal(skip.status, 409);
  });

  it("refunds a paid order the customer cancels and puts its stock back", async () => {
    const { token, item, order } = await paidOrder(2);
    assert.equal(s.product.products.get(item.id)?.stock, 8);
    const res = await call(s, "POST", `/api/orders/${order.id}/cancel`, {
      token,
      body: { reason: "changed my mind" },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, "cancelled");
    assert.equal(res.body.payment.status, "refunded");
    assert.equal(res.body.cancellable, false);
    assert.equal(s.product.products.get(item.id)?.stock, 10);
    const payments = await fetch(`${s.payment?.url}/internal/payments?orderId=${order.id}`, {
      headers: { "x-internal-key": "test-internal-key" },
    });
    const [payment] = (
      (await payments.json()) as { items: Array<{ status: string; refundedAmount: number }> }
    ).items;
    assert.equal(payment?.status, "refunded");
    assert.equal(payment?.refundedAmount, order.totals.grandTotal);
  });

  it("refunds a delivered order on an admin's refund without restocking it", async () => {
    const { token, item, order } = await paidOrder(1);
    for (const to of ["preparing", "shipped", "delivered"]) await transition(order.id, to);
    const res = await transition(order.id, "refunded");
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, "refunded");
    assert.equal(res.body.payment.status, "refunded");
    assert.equal(
      s.product.products.get(item.id)?.stock,
      9,
      "shipped goods are not back on the shelf",
    );
    assert.equal(
      (await call(s, "GET", `/api/orders/${order.id}`, { token })).body.cancellable,
      false,
    );
  });

  it("keeps admin routes for admins and filters by state", async () => {
    const { token, order } = await paidOrder();
    assert.equal((await call(s, "GET", "/api/admin/orders", { token })).status, 403);
    assert.equal((await transition(order.id, "preparing", token)).status, 403);
    await transition(order.id, "preparing");
    const list = await call(s, "GET", "/api/admin/orders?state=preparing&limit=100", {
      token: admin,
    });
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 1);
    assert.ok(list.body.items.every((o: { state: string }) => o.state === "preparing"));
    const bad = await call(s, "GET", "/api/admin/orders?state=lost", { token: admin });
    assert.equal(bad.status, 400);
  });
});
