// Issue 6: the payment provider's webhooks through the edge and the gateway into payment and on to
// order — a settled payment pays the order, duplicates and late events change nothing, and a bad
// signature is refused.
import assert from "node:assert/strict";
import { createHmac, randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import pg from "pg";
import { CheckoutResult, Order, Payment } from "@shop/contracts";
import { logLinesWith, stack } from "../harness.js";
import { addToCart, checkoutBody, createProduct, guestSession } from "./lib/fixtures.js";
import { assertProblem, call, edge, gateway, within } from "./lib/http.js";

const PENDING_CARD = "4000 0000 0000 3220";

/** Signs like the test provider: `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
function signature(body: string, secret = stack().secrets.WEBHOOK_SECRET): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

function webhook(body: string, sig = signature(body)) {
  return call<{ received: boolean; duplicate: boolean }>(edge(), "/api/payments/webhooks/test", {
    body,
    headers: { "content-type": "application/json", "payment-signature": sig },
  });
}

/** Waits until the payment service has forwarded every event of this payment to the order service. */
async function eventsDelivered(paymentId: string) {
  const db = new pg.Client({ connectionString: stack().databaseUrls.payment });
  await db.connect();
  try {
    await within(
      10_000,
      async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM order_event_outbox
            WHERE delivered_at IS NULL AND payload->>'paymentId' = $1`,
          [paymentId],
        );
        return rows[0]!.n === 0 ? true : undefined;
      },
      100,
    );
  } finally {
    await db.end();
  }
}

/** The payment as the payment service holds it (its internal API, read only, for the assertions). */
async function paymentRecord(id: string) {
  const res = await call(stack().urls.payment, `/internal/payments/${id}`, {
    headers: { "x-internal-key": stack().secrets.INTERNAL_KEY },
  });
  assert.equal(res.status, 200, res.text);
  return Payment.parse(res.body);
}

describe("issue 6: payment webhooks end to end", () => {
  it("a pending card is settled by the provider's signed webhook; duplicated and late events change nothing; bad signatures are refused", async () => {
    const product = await createProduct({ stock: 3, price: 30_000, originalPrice: 30_000 });
    const guest = await guestSession();
    await addToCart(guest, product.id, 1);
    const res = await call(gateway(), "/api/checkout", {
      token: guest.accessToken,
      ip: guest.ip,
      idempotencyKey: randomUUID(),
      json: checkoutBody({}, PENDING_CARD),
    });
    assert.equal(res.status, 201, res.text);
    const placed = CheckoutResult.parse(res.body);
    assert.equal(placed.payment.outcome, "pending");
    assert.equal(placed.order.state, "pending_payment");
    const paymentId = placed.payment.id!;
    const getOrder = async () =>
      Order.parse(
        (
          await call(gateway(), `/api/orders/${placed.order.id}`, {
            token: guest.accessToken,
            ip: guest.ip,
          })
        ).body,
      );

    // The provider settles a couple of seconds later by webhook: payment → order.
    const { value: paid, ms } = await within(
      10_000,
      async () => {
        const current = await getOrder();
        return current.state === "paid" ? current : undefined;
      },
      200,
    );
    assert.equal(paid.payment.status, "captured");
    const settled = await paymentRecord(paymentId);
    assert.equal(settled.status, "captured");
    assert.equal(settled.capturedAmount, placed.order.totals.grandTotal);

    // A forged or tampered webhook is refused (and logged by the payment service).
    const event = (type: string, id = `evt_e2e_${randomUUID()}`) =>
      JSON.stringify({
        id,
        type,
        created: Math.floor(Date.now() / 1000),
        data: {
          ref: settled.providerRef,
          paymentId,
          orderId: placed.order.id,
          amount: settled.amount,
          currency: "KRW",
        },
      });
    const captured = event("payment.captured");
    const rejectedBefore = logLinesWith("payment", "webhook rejected: bad signature").length;
    assertProblem(
      await webhook(captured, signature(captured, "not-the-secret")),
      401,
      "WEBHOOK_SIGNATURE_INVALID",
    );
    assertProblem(await webhook(captured, "t=1,v1=00"), 401, "WEBHOOK_SIGNATURE_INVALID");
    assertProblem(
      await webhook(captured.replace('"KRW"', '"USD"'), signature(captured)),
      401,
      "WEBHOOK_SIGNATURE_INVALID",
    );

    await within(3_000, async () =>
      logLinesWith("payment", "webhook rejected: bad signature").length >= rejectedBefore + 3
        ? true
        : undefined,
    );

    // A redelivered capture and a late "authorized" are accepted, recorded once, and move nothing back.
    const first = await webhook(captured);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.duplicate, false);
    const again = await webhook(captured);
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.duplicate, true);
    const late = await webhook(event("payment.authorized"));
    assert.equal(late.status, 200, late.text);
    await eventsDelivered(paymentId);

    const after = await paymentRecord(paymentId);
    assert.equal(after.status, "captured", "a late authorization does not move the payment back");
    assert.equal(after.capturedAmount, settled.capturedAmount, "captured once");
    const order = await getOrder();
    assert.equal(order.state, "paid");
    assert.equal(order.transitions?.filter((t) => t.to === "paid").length, 1, "paid once");
    assert.ok(ms < 10_000);
  });
});
