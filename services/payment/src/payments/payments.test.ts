import { waitFor } from "@shop/test-kit";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { authorizeBody, internal, startPayment, type Harness } from "../testing/harness.js";

describe("payment internal API", () => {
  let h: Harness;
  before(async () => {
    h = await startPayment();
  });
  after(() => h.close());

  const post = (url: string, body: unknown, headers: Record<string, string> = internal) =>
    h.service.app.inject({ method: "POST", url, headers, payload: JSON.stringify(body) });

  /** Waits until the provider's webhook for each payment has been applied (it sets the reference). */
  const webhooksReceived = (ids: string[]) =>
    waitFor(async () => {
      const { rows } = await h.service.db.query(
        "SELECT count(DISTINCT payment_id)::int AS n FROM webhook_events WHERE payment_id = ANY($1)",
        [ids],
      );
      return rows[0].n === ids.length;
    }, 5_000);

  it("refuses callers without the internal key", async () => {
    const res = await post("/internal/payments/authorize", authorizeBody(), {
      "content-type": "application/json",
    });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, "INTERNAL_AUTH_REQUIRED");
  });

  it("authorises a good card, keeps only brand and last4, and replays a retried key", async () => {
    const body = authorizeBody();
    const first = await post("/internal/payments/authorize", body);
    assert.equal(first.statusCode, 201);
    const payment = first.json();
    assert.equal(payment.status, "authorized");
    assert.equal(payment.cardLast4, "4242");
    assert.equal(payment.cardBrand, "visa");
    const again = await post("/internal/payments/authorize", body);
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers["idempotent-replayed"], "true");
    assert.equal(again.json().id, payment.id);
    const { rows } = await h.service.db.query(
      "SELECT count(*)::int AS n FROM payments WHERE order_id = $1",
      [body.orderId],
    );
    assert.equal(rows[0].n, 1);
    const dump = await h.service.db.query("SELECT row_to_json(p)::text AS j FROM payments p");
    assert.ok(
      dump.rows.every((r: { j: string }) => !r.j.includes("4242424242424242")),
      "card number stored",
    );
  });

  it("answers 422 when a key is reused for a different payment", async () => {
    const body = authorizeBody();
    assert.equal((await post("/internal/payments/authorize", body)).statusCode, 201);
    const res = await post("/internal/payments/authorize", { ...body, amount: body.amount + 1 });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().code, "IDEMPOTENCY_KEY_REUSED");
  });

  it("declines the decline card with 402 naming the payment", async () => {
    const res = await post(
      "/internal/payments/authorize",
      authorizeBody({ card: { number: "4000000000000002", expiry: "01/40", cvc: "999" } }),
    );
    assert.equal(res.statusCode, 402);
    const problem = res.json();
    assert.equal(problem.code, "PAYMENT_DECLINED");
    assert.equal(problem.declineCode, "card_declined");
    assert.ok(problem.paymentId);
  });

  it("fails the processing-error card after its delay with 502, and a retry answers at once", async () => {
    const body = authorizeBody({
      card: { number: "4000000000000119", expiry: "01/40", cvc: "999" },
    });
    const t0 = Date.now();
    const res = await post("/internal/payments/authorize", body);
    assert.ok(Date.now() - t0 >= 280, "answered before the configured delay");
    assert.equal(res.statusCode, 502);
    assert.equal(res.json().code, "PAYMENT_FAILED");
    const t1 = Date.now();
    const again = await post("/internal/payments/authorize", body);
    assert.equal(again.statusCode, 502);
    assert.ok(Date.now() - t1 < 250);
  });

  it("rejects a bad card number, expiry and cvc with field errors and without echoing the number", async () => {
    const res = await post(
      "/internal/payments/authorize",
      authorizeBody({ card: { number: "4242424242424241", expiry: "13/20", cvc: "1" } }),
    );
    assert.equal(res.statusCode, 400);
    const problem = res.json();
    assert.deepEqual(problem.errors.map((e: { field: string }) => e.field).sort(), [
      "card.cvc",
      "card.expiry",
      "card.number",
    ]);
    assert.ok(!res.body.includes("4242424242424241"));
  });

  it("captures once however often the capture is retried or repeated", async () => {
    const created = (await post("/internal/payments/authorize", authorizeBody())).json();
    const before = h.service.sandbox.counts.capture;
    const key = { idempotencyKey: `cap-${created.id}` };
    const results = await Promise.all(
      [1, 2, 3].map(() => post(`/internal/payments/${created.id}/capture`, key)),
    );
    for (const res of results) assert.equal(res.statusCode, 200);
    assert.equal(results.filter((r) => r.headers["idempotent-replayed"] === "true").length, 2);
    const other = await post(`/internal/payments/${created.id}/capture`, {
      idempotencyKey: `cap2-${created.id}`,
    });
    assert.equal(other.statusCode, 200);
    assert.equal(other.json().status, "captured");
    assert.equal(h.service.sandbox.counts.capture - before, 1);
  });

  it("voids a payment whose authorisation was cut off by a stop, whether or not the provider saw it", async () => {
    const held = (await post("/internal/payments/authorize", authorizeBody())).json();
    const unseen = (await post("/internal/payments/authorize", authorizeBody())).json();
    await webhooksReceived([held.id, unseen.id]);
    // What a service killed between "payment recorded" and "provider answer kept" leaves behind.
    await h.service.db.query(
      `UPDATE payments SET status = 'pending', in_flight = true, provider_ref = NULL,
         created_at = now() - interval '1 hour' WHERE id = ANY($1)`,
      [[held.id, unseen.id]],
    );
    await h.service.db.query("DELETE FROM sandbox_charges WHERE payment_id = $1", [unseen.id]);
    for (const p of [held, unseen]) {
      const voided = await post(`/internal/payments/${p.id}/void`, {
        idempotencyKey: `void-${p.id}`,
      });
      assert.equal(voided.statusCode, 200, voided.body);
      assert.equal(voided.json().status, "voided");
    }
    const charge = await h.service.db.query(
      "SELECT status FROM sandbox_charges WHERE payment_id = $1",
      [held.id],
    );
    assert.equal(charge.rows[0].status, "voided", "the hold at the provider is released");
  });

  it("asks a void to wait while an authorisation is still running", async () => {
    const running = (await post("/internal/payments/authorize", authorizeBody())).json();
    await webhooksReceived([running.id]);
    await h.service.db.query(
      "UPDATE payments SET status = 'pending', in_flight = true, provider_ref = NULL WHERE id = $1",
      [running.id],
    );
    const res = await post(`/internal/payments/${running.id}/void`, {
      idempotencyKey: `void-${running.id}`,
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, "PAYMENT_STATE_INVALID");
    assert.ok(res.headers["retry-after"]);
  });

  it("refuses to void a captured payment and refunds it instead", async () => {
    const created = (
      await post("/internal/payments/authorize", authorizeBody({ capture: true }))
    ).json();
    assert.equal(created.status, "captured");
    const voided = await post(`/internal/payments/${created.id}/void`, {
      idempotencyKey: `void-${created.id}`,
    });
    assert.equal(voided.statusCode, 409);
    assert.equal(voided.json().code, "PAYMENT_STATE_INVALID");
    const refunded = await post(`/internal/payments/${created.id}/refund`, {
      idempotencyKey: `refund-${created.id}`,
    });
    assert.equal(refunded.statusCode, 200);
    assert.equal(refunded.json().status, "refunded");
    assert.equal(refunded.json().refundedAmount, created.amount);
  });

  it("voids an authorisation and lists an order's payments", async () => {
    const body = authorizeBody();
    const created = (await post("/internal/payments/authorize", body)).json();
    const voided = await post(`/internal/payments/${created.id}/void`, {
      idempotencyKey: `void-${created.id}`,
    });
    assert.equal(voided.json().status, "voided");
    const capture = await post(`/internal/payments/${created.id}/capture`, {
      idempotencyKey: `cap-${created.id}`,
    });
    assert.equal(capture.statusCode, 409);
    const list = await h.service.app.inject({
      method: "GET",
      url: `/internal/payments?orderId=${body.orderId}`,
      headers: internal,
    });
    assert.deepEqual(
      list.json().items.map((p: { id: string }) => p.id),
      [created.id],
    );
  });

  it("answers 404 for an unknown payment", async () => {
    const res = await post("/internal/payments/00000000-0000-4000-8000-000000000000/capture", {
      idempotencyKey: "cap-unknown-1",
    });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, "PAYMENT_NOT_FOUND");
  });
});
