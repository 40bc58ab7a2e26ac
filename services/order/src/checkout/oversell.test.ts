/**
 * Load-shaped checkout tests. The product service here is the faithful fake (see
 * testing/fake-product.ts): the real product service had no runnable entry point or reservation
 * routes when this was written. The e2e suite runs the same flow against the real one.
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
    const item = s.product.add({ stock: 10, name: "Limited Sneaker", price: 89_000, originalPrice: 104_706 });
    let lowest = Infinity;
    const watch = setInterval(() => (lowest = Math.min(lowest, s.product.products.get(item.id)?.stock ?? 0)), 1);
    const tokens = await guestsWithCart(100, item.id);
    const t0 = performance.now();
    const answers = await Promise.all(tokens.map((token) => call(s, "POST", "/api/checkout", { token, key: randomUUID(), body: guestCheckout() })));
    const elapsed = performance.now() - t0;
    clearInterval(watch);
    const paid = answers.filter((a) => a.status === 201);
    const soldOut = answers.filter((a) => a.status === 409 && a.body.code === "INSUFFICIENT_STOCK");
    assert.equal(paid.length, 10, JSON.stringify(answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.body)));
    assert.equal(soldOut.length, 90);
    assert.ok(paid.every((a) => a.body.order.state === "paid"));
    assert.ok(soldOut.every((a) => /Sold out: Limited Sneaker/.test(a.body.detail)));
    assert.equal(s.product.products.get(item.id)?.stock, 0);
    assert.ok(lowest >= 0, `stock went to ${lowest}`);
    const { rows } = await s.order.db.query("SELECT state, count(*)::int AS n FROM orders GROUP BY state");
    assert.deepEqual(rows, [{ state: "paid", n: 10 }]);
    t.diagnostic(`oversell: 100 concurrent checkouts for 10 in stock → ${paid.length} paid, ${soldOut.length} sold out, final stock 0, lowest ${lowest}, wall ${elapsed.toFixed(0)} ms`);
  });

  it("measures checkout latency over 200 sequential checkouts", async (t) => {
    const item = s.product.add({ stock: 1_000, price: 19_000, originalPrice: 25_000 });
    const tokens = await guestsWithCart(200, item.id);
    const times: number[] = [];
    for (const token of tokens) {
      const t0 = performance.now();
      const res = await call(s, "POST", "/api/checkout", { token, key: randomUUID(), body: guestCheckout() });
      times.push(performance.now() - t0);
      assert.equal(res.status, 201);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] as number;
    const summary = `checkout latency (200 sequential, order + real payment service + fakes, loopback): median ${pct(50).toFixed(1)} ms, p90 ${pct(90).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${(times.at(-1) as number).toFixed(1)} ms`;
    t.diagnostic(summary);
    assert.ok(pct(50) < 1_000, summary);
  });
});
