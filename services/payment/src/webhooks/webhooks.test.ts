import { waitFor } from "@shop/test-kit";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sign } from "../providers/signature.js";
import {
  authorizeBody,
  internal,
  startOrderIntake,
  startPayment,
  WEBHOOK_SECRET,
  type Harness,
} from "../testing/harness.js";

describe("payment webhooks", () => {
  let h: Harness;
  let intake: Awaited<ReturnType<typeof startOrderIntake>>;
  before(async () => {
    intake = await startOrderIntake();
    h = await startPayment({ ORDER_URL: intake.url });
  });
  after(async () => {
    await h.close();
    await intake.close();
  });

  const authorize = async (overrides: Record<string, unknown> = {}) => {
    const res = await fetch(`${h.url}/internal/payments/authorize`, {
      method: "POST",
      headers: internal,
      body: JSON.stringify(authorizeBody(overrides)),
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        id: string;
        orderId: string;
        status: string;
        amount: number;
        capturedAmount: number;
      },
    };
  };
  const payment = async (id: string) =>
    (await h.service.payments.get(id)) as { status: string; capturedAmount: number };
  const countEvents = async (paymentId: string) =>
    (
      await h.service.db.query(
        "SELECT count(*)::int AS n FROM webhook_events WHERE payment_id = $1",
        [paymentId],
      )
    ).rows[0].n as number;
  const forwardedFor = (orderId: string) =>
    intake.received.filter((e) => (e as { orderId: string }).orderId === orderId) as Array<{
      eventId: string;
      type: string;
    }>;

  it("rejects a webhook with a bad signature with 401 and changes nothing", async () => {
    const created = await authorize();
    const body = JSON.stringify({
      id: "evt_forged",
      type: "payment.captured",
      created: Math.floor(Date.now() / 1000),
      data: {
        ref: "x",
        paymentId: created.body.id,
        orderId: created.body.orderId,
        amount: 1,
        currency: "KRW",
      },
    });
    for (const signature of [
      sign("wrong-secret", body),
      sign(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000) - 600),
      "garbage",
      undefined,
    ]) {
      const res = await fetch(`${h.url}/api/payments/webhooks/test`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(signature ? { "payment-signature": signature } : {}),
        },
        body,
      });
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { code: string }).code, "WEBHOOK_SIGNATURE_INVALID");
    }
    const forged = await h.service.db.query(
      "SELECT count(*)::int AS n FROM webhook_events WHERE event_id = 'evt_forged'",
    );
    assert.equal(forged.rows[0].n, 0);
    await h.service.sandbox.webhooks.idle();
    assert.equal((await payment(created.body.id)).status, "authorized");
  });

  it("accepts a correctly signed webhook sent by hand and ignores its duplicate", async () => {
    const created = await authorize({ capture: true });
    await h.service.sandbox.webhooks.idle();
    const body = JSON.stringify({
      id: "evt_manual_1",
      type: "payment.refunded",
      created: Math.floor(Date.now() / 1000),
      data: {
        ref: "unused",
        paymentId: created.body.id,
        orderId: created.body.orderId,
        amount: created.body.amount,
        currency: "KRW",
      },
    });
    const send = () =>
      fetch(`${h.url}/api/payments/webhooks/test`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "payment-signature": sign(WEBHOOK_SECRET, body),
        },
        body,
      });
    const first = (await (await send()).json()) as { duplicate: boolean };
    const second = (await (await send()).json()) as { duplicate: boolean };
    assert.deepEqual([first.duplicate, second.duplicate], [false, true]);
    assert.equal((await payment(created.body.id)).status, "refunded");
  });

  it("settles the settle-later card by webhook and forwards each event to the order service once", async () => {
    const created = await authorize({
      card: { number: "4000 0000 0000 3220", expiry: "10/41", cvc: "321" },
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, "pending");
    await waitFor(async () => (await payment(created.body.id)).status === "authorized", 5_000);
    await waitFor(async () => forwardedFor(created.body.orderId).length === 1, 5_000);
    assert.equal(forwardedFor(created.body.orderId)[0]?.type, "payment.authorized");
  });

  it("captures once when webhooks arrive duplicated and in reverse order", async () => {
    const provider = h.service.sandbox;
    const capturesBefore = provider.counts.capture;
    provider.webhooks.hold();
    const created = await authorize();
    const captured = await fetch(`${h.url}/internal/payments/${created.body.id}/capture`, {
      method: "POST",
      headers: internal,
      body: JSON.stringify({ idempotencyKey: `cap-${created.body.id}` }),
    });
    assert.equal(captured.status, 200);
    provider.webhooks.release({ reverse: true, duplicate: true });
    await provider.webhooks.idle();
    const after = await payment(created.body.id);
    assert.equal(after.status, "captured");
    assert.equal(after.capturedAmount, created.body.amount);
    assert.equal(provider.counts.capture - capturesBefore, 1);
    assert.equal(await countEvents(created.body.id), 2, "two distinct provider events recorded");
    await waitFor(async () => forwardedFor(created.body.orderId).length === 2, 5_000);
    const types = forwardedFor(created.body.orderId).map((e) => e.type);
    assert.deepEqual(
      types,
      ["payment.captured", "payment.authorized"],
      "forwarded in the order received",
    );
    const ops = await h.service.db.query(
      "SELECT count(*)::int AS n FROM payment_operations WHERE payment_id = $1 AND kind = 'capture'",
      [created.body.id],
    );
    assert.equal(ops.rows[0].n, 1);
  });

  it("keeps retrying delivery to the order service until it answers", async () => {
    intake.failNext(2);
    const created = await authorize({ capture: true });
    await waitFor(async () => forwardedFor(created.body.orderId).length === 2, 15_000);
    const { rows } = await h.service.db.query(
      "SELECT max(attempts)::int AS a, count(*) FILTER (WHERE delivered_at IS NULL)::int AS pending FROM order_event_outbox WHERE payload->>'orderId' = $1",
      [created.body.orderId],
    );
    assert.ok(rows[0].a >= 2, "a delivery was retried");
    assert.equal(rows[0].pending, 0);
  });
});
