import { waitFor } from "@shop/test-kit";
import assert from "node:assert/strict";
import { createHmac, randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { call, guestCheckout, startStack, type Stack } from "../testing/stack.js";

const WEBHOOK_SECRET = "test-webhook-secret";

describe("payment events from webhooks", () => {
  let s: Stack;
  let paymentDb: pg.Pool;
  before(async () => {
    s = await startStack();
    paymentDb = new pg.Pool({ connectionString: s.payment?.db.url, max: 2 });
  });
  after(async () => {
    await paymentDb.end();
    await s.close();
  });

  const paidOrder = async () => {
    const sub = `guest_${randomUUID().slice(0, 12)}`;
    const token = await s.auth.token("guest", sub);
    const item = s.product.add({ stock: 10 });
    s.cart.put(sub, [{ productId: item.id, quantity: 1 }]);
    const res = await call(s, "POST", "/api/checkout", {
      token,
      key: randomUUID(),
      body: guestCheckout(),
    });
    assert.equal(res.status, 201);
    return { token, order: res.body.order };
  };
  /** A `payment.authorized` event of the payment service for `order`, with a new id. */
  const authorizedEvent = (order: {
    id: string;
    payment: { id: string };
    totals: { grandTotal: number };
  }) => ({
    eventId: `test:${randomUUID()}`,
    type: "payment.authorized",
    paymentId: order.payment.id,
    orderId: order.id,
    amount: order.totals.grandTotal,
    currency: "KRW",
    occurredAt: new Date().toISOString(),
  });
  /** Posts an event to the order service's intake, as the payment service's forwarder does. */
  const deliver = (event: object, headers: Record<string, string>) =>
    fetch(`${s.url}/internal/payments/events`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(event),
    });
  /** Sends a provider webhook, signed like the test provider signs it, to the payment service. */
  const sendWebhook = async (
    event: { id: string; type: string; data: Record<string, unknown> },
    created = Math.floor(Date.now() / 1000),
  ) => {
    const body = JSON.stringify({ ...event, created });
    const t = Math.floor(Date.now() / 1000);
    const mac = createHmac("sha256", WEBHOOK_SECRET).update(`${t}.${body}`).digest("hex");
    const res = await fetch(`${s.payment?.url}/api/payments/webhooks/test`, {
      method: "POST",
      headers: { "content-type": "application/json", "payment-signature": `t=${t},v1=${mac}` },
      body,
    });
    return {
      status: res.status,
      body: (await res.json()) as { duplicate?: boolean; code?: string },
    };
  };

  it("captures once and never moves the order back when webhooks come duplicated and out of order", async () => {
    const { token, order } = await paidOrder();
    // Wait until the provider's own webhooks (authorized, captured) went through payment to order.
    await waitFor(
      async () =>
        (
          await s.order.db.query(
            "SELECT count(*)::int AS n FROM processed_payment_events WHERE order_id = $1",
            [order.id],
          )
        ).rows[0].n === 2,
      10_000,
    );
    const { rows } = await paymentDb.query(
      "SELECT event_id, type, payload FROM webhook_events WHERE payload->>'orderId' = $1 ORDER BY received_at",
      [order.id],
    );
    assert.deepEqual(
      rows.map((r) => r.type),
      ["payment.authorized", "payment.captured"],
    );
    const envelopes = rows.map((r) => ({
      id: r.event_id,
      type: r.type,
      data: {
        ref: r.payload.providerRef,
        paymentId: r.payload.paymentId,
        orderId: order.id,
        amount: r.payload.amount,
        currency: "KRW",
      },
    }));
    for (const envelope of [...envelopes].reverse().flatMap((e) => [e, e])) {
      const res = await sendWebhook(envelope);
      assert.equal(res.status, 200);
      assert.equal(res.body.duplicate, true);
    }
    // A new, late "authorized" event (another id) after the capture: forwarded, applied, changes nothing.
    const late = {
      ...(envelopes[0] as (typeof envelopes)[number]),
      id: `evt_late_${randomUUID()}`,
    };
    assert.equal(
      (await sendWebhook(late, Math.floor(Date.now() / 1000) - 60)).body.duplicate,
      false,
    );
    await waitFor(
      async () =>
        (
          await s.order.db.query(
            "SELECT count(*)::int AS n FROM processed_payment_events WHERE order_id = $1",
            [order.id],
          )
        ).rows[0].n === 3,
      10_000,
    );
    const detail = await call(s, "GET", `/api/orders/${order.id}`, { token });
    assert.equal(detail.body.state, "paid");
    assert.equal(detail.body.payment.status, "captured");
    assert.equal(detail.body.transitions.filter((t: { to: string }) => t.to === "paid").length, 1);
    const captures = await paymentDb.query(
      "SELECT count(*)::int AS n FROM payment_operations WHERE kind = 'capture' AND payment_id = $1",
      [order.payment.id],
    );
    assert.equal(captures.rows[0].n, 1);
    const payment = await paymentDb.query(
      "SELECT status, captured_amount FROM payments WHERE id = $1",
      [order.payment.id],
    );
    assert.deepEqual(payment.rows[0], {
      status: "captured",
      captured_amount: order.totals.grandTotal,
    });
  });

  it("rejects a webhook with a bad signature and leaves the order alone", async () => {
    const { token, order } = await paidOrder();
    const body = JSON.stringify({
      id: "evt_forged",
      type: "payment.refunded",
      created: Math.floor(Date.now() / 1000),
      data: {
        ref: "x",
        paymentId: order.payment.id,
        orderId: order.id,
        amount: 1,
        currency: "KRW",
      },
    });
    const res = await fetch(`${s.payment?.url}/api/payments/webhooks/test`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "payment-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      },
      body,
    });
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { code: string }).code, "WEBHOOK_SIGNATURE_INVALID");
    assert.equal((await call(s, "GET", `/api/orders/${order.id}`, { token })).body.state, "paid");
  });

  it("applies an event once per id on the internal intake and refuses callers without the key", async () => {
    const { order } = await paidOrder();
    const event = authorizedEvent(order);
    const post = (headers: Record<string, string>) => deliver(event, headers);
    assert.equal((await post({})).status, 401);
    const first = (await (await post({ "x-internal-key": "test-internal-key" })).json()) as {
      duplicate: boolean;
    };
    const second = (await (await post({ "x-internal-key": "test-internal-key" })).json()) as {
      duplicate: boolean;
    };
    assert.deepEqual([first.duplicate, second.duplicate], [false, true]);
  });

  it("takes a late event for an order cancelled and refunded meanwhile without trying to move the money again", async () => {
    const { token, order } = await paidOrder();
    const cancelled = await call(s, "POST", `/api/orders/${order.id}/cancel`, { token, body: {} });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const late = await deliver(authorizedEvent(order), { "x-internal-key": "test-internal-key" });
    assert.equal(late.status, 200, await late.text());
    const { rows } = await paymentDb.query("SELECT status FROM payments WHERE id = $1", [
      order.payment.id,
    ]);
    assert.equal(rows[0].status, "refunded");
  });
});
