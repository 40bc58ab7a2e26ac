import { waitFor } from "@shop/test-kit";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import {
  ADDRESS,
  call,
  DECLINED_CARD,
  guestCheckout,
  LATER_CARD,
  startStack,
  type Stack,
} from "../testing/stack.js";

describe("checkout", () => {
  let s: Stack;
  before(async () => {
    s = await startStack();
  });
  after(() => s.close());

  /** A guest with a cart holding `quantity` of a fresh product; answers the token and product. */
  const guestWithCart = async (
    quantity = 2,
    product: Parameters<Stack["product"]["add"]>[0] = {
      stock: 10,
      price: 29_000,
      originalPrice: 35_000,
    },
  ) => {
    const sub = `guest_${randomUUID().slice(0, 12)}`;
    const token = await s.auth.token("guest", sub);
    const item = s.product.add(product);
    s.cart.put(sub, [{ productId: item.id, quantity }]);
    return { token, sub, item };
  };
  const paymentsOf = async (orderId: string) => {
    const res = await fetch(`${s.payment?.url}/internal/payments?orderId=${orderId}`, {
      headers: { "x-internal-key": "test-internal-key" },
    });
    return ((await res.json()) as { items: Array<{ id: string; status: string }> }).items;
  };

  it("places a paid order with server-computed totals, commits the stock, clears the cart and records every step", async () => {
    const { token, sub, item } = await guestWithCart(2);
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout({ unitPrice: 1, totals: { grandTotal: 1 } }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { order, payment } = res.body;
    assert.deepEqual(order.totals, {
      itemsTotal: 70_000,
      discountTotal: 12_000,
      subtotal: 58_000,
      shippingFee: 0,
      grandTotal: 58_000,
      currency: "KRW",
    });
    assert.equal(order.state, "paid");
    assert.equal(payment.outcome, "paid");
    assert.equal(order.payment.status, "captured");
    assert.equal(order.payment.last4, "4242");
    assert.equal(order.lines[0].unitPrice, 29_000);
    assert.equal(s.product.products.get(item.id)?.stock, 8);
    assert.equal(s.product.reservations.get(order.id)?.status, "committed");
    assert.equal(s.cart.carts.has(sub), false);
    const detail = await call(s, "GET", `/api/orders/${order.id}`, { token });
    assert.deepEqual(
      detail.body.transitions.map((t: { from: string | null; to: string }) => `${t.from}->${t.to}`),
      ["null->pending_payment", "pending_payment->paid"],
    );
    const payments = await paymentsOf(order.id);
    assert.deepEqual(
      payments.map((p) => p.status),
      ["captured"],
    );
  });

  it("charges standard shipping under ₩50,000 and ₩5,000 for express", async () => {
    const standard = await guestWithCart(1);
    const a = await call(s, "POST", "/api/checkout", {
      token: standard.token,
      key: randomUUID(),
      body: guestCheckout(),
    });
    assert.equal(a.body.order.totals.shippingFee, 3_000);
    assert.equal(a.body.order.totals.grandTotal, 32_000);
    const express = await guestWithCart(2);
    const b = await call(s, "POST", "/api/checkout", {
      token: express.token,
      key: randomUUID(),
      body: guestCheckout({ shippingMethod: "express" }),
    });
    assert.equal(b.body.order.totals.shippingFee, 5_000);
    assert.equal(b.body.order.totals.grandTotal, 63_000);
  });

  it("requires an idempotency key, a token, a guest email and a valid card", async () => {
    const { token } = await guestWithCart();
    const noKey = await call(s, "POST", "/api/checkout", { token, body: guestCheckout() });
    assert.equal(noKey.status, 400);
    assert.equal(noKey.body.code, "IDEMPOTENCY_KEY_MISSING");
    const noToken = await call(s, "POST", "/api/checkout", { key: randomUUID(), body: {} });
    assert.equal(noToken.status, 401, "authentication comes before body validation");
    assert.equal(noToken.body.code, "AUTH_REQUIRED");
    const noEmail = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout({ email: undefined }),
    });
    assert.equal(noEmail.status, 400);
    assert.ok(noEmail.body.errors.some((e: { field: string }) => e.field === "email"));
    const badCard = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout({
        payment: { method: "card", cardNumber: "1234 5678 9012 3456", expiry: "01/20", cvc: "12" },
      }),
    });
    assert.equal(badCard.status, 400);
    assert.deepEqual(badCard.body.errors.map((e: { field: string }) => e.field).sort(), [
      "payment.cardNumber",
      "payment.cvc",
      "payment.expiry",
    ]);
  });

  it("answers 422 CART_EMPTY for an empty cart", async () => {
    const token = await s.auth.token("guest");
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout(),
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, "CART_EMPTY");
  });

  it("prefills a member's address and email from the profile, in the preview and the order", async () => {
    const memberId = randomUUID();
    const now = new Date().toISOString();
    s.member.profiles.set(memberId, {
      id: memberId,
      email: "minji@example.com",
      name: "Kim Minji",
      phone: ADDRESS.phone,
      role: "customer",
      status: "active",
      createdAt: now,
      updatedAt: now,
      shippingAddress: {
        recipient: ADDRESS.recipient,
        postalCode: ADDRESS.postalCode,
        line1: ADDRESS.line1,
        line2: ADDRESS.line2,
      },
    });
    const token = await s.auth.token("customer", memberId);
    const item = s.product.add({ stock: 5, price: 20_000, originalPrice: 25_000 });
    s.cart.put(memberId, [{ productId: item.id, quantity: 1 }]);
    const preview = await call(s, "GET", "/api/checkout/preview?shippingMethod=standard", {
      token,
    });
    assert.equal(preview.status, 200);
    assert.equal(preview.body.email, "minji@example.com");
    assert.equal(preview.body.shippingAddress.line1, ADDRESS.line1);
    assert.deepEqual(preview.body.totals, {
      itemsTotal: 25_000,
      discountTotal: 5_000,
      subtotal: 20_000,
      shippingFee: 3_000,
      grandTotal: 23_000,
      currency: "KRW",
    });
    assert.equal(preview.body.canCheckout, true);
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: { shippingMethod: "standard", payment: guestCheckout().payment },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.order.email, "minji@example.com");
    assert.deepEqual(res.body.order.shippingAddress, ADDRESS);
  });

  it("turns a double submit with one key into one order and one payment", async () => {
    const { token, sub } = await guestWithCart(1);
    const key = randomUUID();
    const body = guestCheckout();
    const answers = await Promise.all(
      [1, 2, 3].map(() => call(s, "POST", "/api/checkout", { token, key, body })),
    );
    const ok = answers.filter((a) => a.status === 201);
    assert.ok(ok.length >= 1, JSON.stringify(answers.map((a) => a.body)));
    assert.ok(
      answers.every((a) => a.status === 201 || a.body.code === "IDEMPOTENCY_KEY_IN_USE"),
      JSON.stringify(answers.map((a) => a.body)),
    );
    const replay = await call(s, "POST", "/api/checkout", { token, key, body });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
    const ids = new Set([...ok, replay].map((a) => a.body.order.id));
    assert.equal(ids.size, 1);
    const { rows } = await s.order.db.query(
      "SELECT count(*)::int AS n FROM orders WHERE owner_id = $1",
      [sub],
    );
    assert.equal(rows[0].n, 1);
    assert.equal((await paymentsOf([...ids][0] as string)).length, 1);
    const other = await call(s, "POST", "/api/checkout", {
      token,
      key,
      body: guestCheckout({ shippingMethod: "express" }),
    });
    assert.equal(other.status, 422);
    assert.equal(other.body.code, "IDEMPOTENCY_KEY_REUSED");
  });

  it("cancels the order and releases the stock when the card is declined (402 names the order)", async () => {
    const { token, item } = await guestWithCart(3);
    const key = randomUUID();
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key,
      body: guestCheckout({ payment: DECLINED_CARD }),
    });
    assert.equal(res.status, 402, JSON.stringify(res.body));
    assert.equal(res.body.code, "PAYMENT_DECLINED");
    assert.ok(res.body.orderId);
    const order = await call(s, "GET", `/api/orders/${res.body.orderId}`, { token });
    assert.equal(order.body.state, "cancelled", JSON.stringify(order.body));
    assert.equal(order.body.payment.status, "failed", JSON.stringify(order.body));
    assert.equal(s.product.products.get(item.id)?.stock, 10);
    assert.equal(s.product.held(item.id), 0);
    const again = await call(s, "POST", "/api/checkout", {
      token,
      key,
      body: guestCheckout({ payment: DECLINED_CARD }),
    });
    assert.equal(again.status, 402, JSON.stringify(again.body));
    assert.equal(again.body.orderId, res.body.orderId);
  });

  it("answers 409 INSUFFICIENT_STOCK naming the line, and creates no order", async () => {
    const { token, sub } = await guestWithCart(4, {
      stock: 3,
      name: "Canvas Tote",
      price: 15_000,
      originalPrice: 15_000,
    });
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout(),
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, "INSUFFICIENT_STOCK");
    assert.match(res.body.detail, /Canvas Tote \(only 3 left\)/);
    assert.equal(res.body.lines[0].available, 3);
    const { rows } = await s.order.db.query(
      "SELECT count(*)::int AS n FROM orders WHERE owner_id = $1",
      [sub],
    );
    assert.equal(rows[0].n, 0);
  });

  it("settles a card the provider confirms later by webhook", async () => {
    const { token, item } = await guestWithCart(1);
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout({ payment: LATER_CARD }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.payment.outcome, "pending");
    assert.equal(res.body.order.state, "pending_payment");
    const id = res.body.order.id;
    await waitFor(
      async () => (await call(s, "GET", `/api/orders/${id}`, { token })).body.state === "paid",
      10_000,
    );
    assert.equal(s.product.reservations.get(id)?.status, "committed");
    assert.equal(s.product.products.get(item.id)?.stock, 9);
    const payments = await paymentsOf(id);
    assert.deepEqual(
      payments.map((p) => p.status),
      ["captured"],
    );
  });
});
