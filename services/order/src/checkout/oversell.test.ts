/**
 * The oversell test against the faithful product fake (testing/fake-product.ts), which also
 * watches the stock between requests; oversell.real-product.test.ts runs it against the real
 * product service, and measures the checkout latency there.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { call, guestCheckout, startStack, type Stack } from "../testing/stack.js";

describe("checkout under load", () => {
  let s: Stack;
  before(async () => {
    s = await startStack();
  });
  after(() => s.close());

  const guestsWithCart = async (count: number, productId: string) =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const sub = `guest_${randomUUID().slice(0, 12)}`;
        s.cart.put(sub, [{ productId, quantity: 1 }]);
        return s.auth.token("guest", sub);
      }),
    );

  it("sells exactly 10 of 10 to 100 concurrent buyers, never below zero, telling the rest it sold out", async (t) => {
    const item = s.product.add({
      stock: 10,
      name: "Limited Sneaker",
      price: 89_000,
      originalPrice: 104_706,
    });
    let lowest = Infinity;
    const watch = setInterval(
      () => (lowest = Math.min(lowest, s.product.products.get(item.id)?.stock ?? 0)),
      1,
    );
    const tokens = await guestsWithCart(100, item.id);
    const t0 = performance.now();
    const answers = await Promise.all(
      tokens.map((token) =>
        call(s, "POST", "/api/checkout", { token, key: randomUUID(), body: guestCheckout() }),
      ),
    );
    const elapsed = performance.now() - t0;
    clearInterval(watch);
    const paid = answers.filter((a) => a.status === 201);
    const soldOut = answers.filter((a) => a.status === 409 && a.body.code === "INSUFFICIENT_STOCK");
    assert.equal(
      paid.length,
      10,
      JSON.stringify(
        answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.body),
      ),
    );
    assert.equal(soldOut.length, 90);
    assert.ok(paid.every((a) => a.body.order.state === "paid"));
    assert.ok(soldOut.every((a) => /Sold out: Limited Sneaker/.test(a.body.detail)));
    assert.equal(s.product.products.get(item.id)?.stock, 0);
    assert.ok(lowest >= 0, `stock went to ${lowest}`);
    const { rows } = await s.order.db.query(
      "SELECT state, count(*)::int AS n FROM orders GROUP BY state",
    );
    assert.deepEqual(rows, [{ state: "paid", n: 10 }]);
    t.diagnostic(
      `oversell: 100 concurrent checkouts for 10 in stock → ${paid.length} paid, ${soldOut.length} sold out, final stock 0, lowest ${lowest}, wall ${elapsed.toFixed(0)} ms`,
    );
  });
});
