// Issue 6 under concurrency with every real service: 100 shoppers race for 10 units, and the
// checkout latency through the gateway over 100 sequential checkouts.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { CheckoutResult, Order } from "@shop/contracts";
import {
  addToCart,
  checkoutBody,
  createProduct,
  guestSession,
  productStock,
  type Session,
} from "./lib/fixtures.js";
import { assertProblem, call, gateway, percentiles } from "./lib/http.js";

/** `count` guests (each its own client address), each with `quantity` of the product in its cart. */
async function shoppers(count: number, productId: string, quantity = 1): Promise<Session[]> {
  const list = await Promise.all(Array.from({ length: count }, () => guestSession()));
  await Promise.all(list.map((guest) => addToCart(guest, productId, quantity)));
  return list;
}

const checkout = (guest: Session, index: number) =>
  call(gateway(), "/api/checkout", {
    token: guest.accessToken,
    ip: guest.ip,
    idempotencyKey: randomUUID(),
    json: checkoutBody({ email: `oversell-${index}@example.com` }),
  });

describe("issue 6: no overselling", () => {
  it("100 concurrent checkouts for 10 units: exactly 10 paid orders, stock 0, the other 90 told it sold out", async (t) => {
    const product = await createProduct({
      name: `E2E 한정판 ${randomUUID().slice(0, 6)}`,
      stock: 10,
      price: 89_000,
      originalPrice: 99_000,
    });
    const guests = await shoppers(100, product.id);

    const started = performance.now();
    const answers = await Promise.all(guests.map((guest, i) => checkout(guest, i)));
    const wall = performance.now() - started;

    const paid = answers.filter((a) => a.status === 201);
    const soldOut = answers.filter((a) => a.status === 409);
    const other = answers.filter((a) => a.status !== 201 && a.status !== 409);
    assert.deepEqual(
      other.map((a) => `${a.status} ${a.text}`),
      [],
      "every answer is a sale or a clear refusal",
    );
    assert.equal(paid.length, 10);
    assert.equal(soldOut.length, 90);
    for (const res of paid) {
      const { order, payment } = CheckoutResult.parse(res.body);
      assert.equal(order.state, "paid");
      assert.equal(payment.outcome, "paid");
      assert.equal(order.totals.grandTotal, 89_000, "free shipping from ₩50,000");
    }
    for (const res of soldOut) {
      const problem = assertProblem(res, 409, "INSUFFICIENT_STOCK");
      assert.ok(
        problem.detail.includes(product.name),
        `the refusal names the product: ${problem.detail}`,
      );
      assert.match(problem.detail, /sold out|품절|left/i);
    }
    assert.equal(await productStock(product.id), 0, "stock ends at 0, not below");

    // Winners have one paid order and an empty cart; the others have no order and keep their cart.
    const views = await Promise.all(
      guests.map(async (guest, i) => {
        const [orders, cart] = await Promise.all([
          call<{ items: unknown[] }>(gateway(), "/api/orders", {
            token: guest.accessToken,
            ip: guest.ip,
          }),
          call<{ lines: unknown[] }>(gateway(), "/api/cart", {
            token: guest.accessToken,
            ip: guest.ip,
          }),
        ]);
        return {
          won: answers[i]!.status === 201,
          orders: orders.body.items.map((o) => Order.parse(o)),
          lines: cart.body.lines.length,
        };
      }),
    );
    for (const view of views) {
      if (view.won) {
        assert.deepEqual(
          view.orders.map((o) => o.state),
          ["paid"],
        );
        assert.equal(view.lines, 0);
      } else {
        assert.deepEqual(view.orders, [], "a refused checkout leaves no order behind");
        assert.equal(view.lines, 1);
      }
    }
    t.diagnostic(
      `oversell through the gateway: 100 concurrent → ${paid.length} paid, ${soldOut.length} sold out (409), final stock 0, wall ${wall.toFixed(0)} ms`,
    );
  });
});

describe("issue 6: checkout latency through the gateway", () => {
  it("100 sequential checkouts (guest, one line, test card): every one paid; median and p99 printed", async (t) => {
    const product = await createProduct({ stock: 1_000, price: 19_000, originalPrice: 25_000 });
    const guests = await shoppers(100, product.id);
    const times: number[] = [];
    for (const [i, guest] of guests.entries()) {
      const res = await checkout(guest, i);
      assert.equal(res.status, 201, res.text);
      times.push(res.ms);
    }
    const { median, p90, p99, max } = percentiles(times);
    const summary = `checkout latency through the gateway (100 sequential, all real services): median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`;
    t.diagnostic(summary);
    console.log(summary);
    assert.equal(await productStock(product.id), 900);
    // Loose bound: catches a checkout that waits on a timeout, not noise on a shared 2-core machine.
    assert.ok(median < 2_000, summary);
  });
});
