/**
 * The oversell test against the real product service (NestJS + PostgreSQL, its own process):
 * 100 concurrent checkouts for a product with 10 in stock.
 */
import { freePort } from "@shop/test-kit";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startFakeAuth } from "../testing/fake-auth.js";
import { startProductProcess, type ProductProcess } from "../testing/product-process.js";
import { call, guestCheckout, startStack, type Stack } from "../testing/stack.js";

describe("oversell against the real product service", () => {
  let s: Stack;
  let product: ProductProcess;
  let admin: string;
  before(async () => {
    const auth = await startFakeAuth();
    product = await startProductProcess(await freePort(), auth.url);
    s = await startStack({ auth, productUrl: product.url });
    admin = await auth.token("admin");
  });
  after(async () => {
    await s?.close();
    await product?.stop();
  });

  const productApi = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(product.url + path, {
      method,
      headers: {
        authorization: `Bearer ${admin}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it("sells exactly 10 of 10 to 100 concurrent buyers; stock ends at 0, never below", async (t) => {
    const categories = await productApi("GET", "/api/v1/categories");
    const categoryId = (categories.body.items as Array<{ id: string }>)[0]?.id;
    const created = await productApi("POST", "/api/v1/products", {
      name: "Limited Sneaker",
      brand: "Test",
      categoryId,
      price: 89_000,
      originalPrice: 104_706,
      stock: 10,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const productId = created.body.id as string;
    const tokens = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const sub = `guest_${randomUUID().slice(0, 12)}`;
        s.cart.put(sub, [{ productId, quantity: 1 }]);
        return s.auth.token("guest", sub);
      }),
    );
    const t0 = performance.now();
    const answers = await Promise.all(
      tokens.map((token) =>
        call(s, "POST", "/api/checkout", { token, key: randomUUID(), body: guestCheckout() }),
      ),
    );
    const elapsed = performance.now() - t0;
    const paid = answers.filter((a) => a.status === 201);
    const soldOut = answers.filter((a) => a.status === 409 && a.body.code === "INSUFFICIENT_STOCK");
    const other = answers.filter(
      (a) => a.status !== 201 && !(a.status === 409 && a.body.code === "INSUFFICIENT_STOCK"),
    );
    assert.deepEqual(
      other.map((a) => a.body),
      [],
    );
    assert.equal(paid.length, 10);
    assert.equal(soldOut.length, 90);
    assert.ok(
      paid.every((a) => a.body.order.state === "paid" && a.body.order.totals.grandTotal === 89_000),
    );
    assert.ok(
      soldOut.every((a) => /Sold out: Limited Sneaker/.test(a.body.detail)),
      soldOut[0]?.body.detail,
    );
    const after = await productApi("GET", `/api/v1/products/${productId}`);
    assert.equal(after.body.stock, 0);
    const { rows } = await queryProduct(product.db.url, productId);
    assert.deepEqual(rows, [{ committed: 10, other: 0 }]);
    t.diagnostic(
      `oversell (real product service): 100 concurrent → ${paid.length} paid, ${soldOut.length} sold out, final stock ${String(after.body.stock)}, wall ${elapsed.toFixed(0)} ms`,
    );
  });

  it("measures checkout latency over 200 sequential checkouts", async (t) => {
    const categories = await productApi("GET", "/api/v1/categories");
    const categoryId = (categories.body.items as Array<{ id: string }>)[0]?.id;
    const created = await productApi("POST", "/api/v1/products", {
      name: "Everyday Tee",
      brand: "Test",
      categoryId,
      price: 19_000,
      originalPrice: 25_000,
      stock: 1_000,
    });
    const productId = created.body.id as string;
    const tokens = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const sub = `guest_${randomUUID().slice(0, 12)}`;
        s.cart.put(sub, [{ productId, quantity: 1 }]);
        return s.auth.token("guest", sub);
      }),
    );
    const times: number[] = [];
    for (const token of tokens) {
      const t0 = performance.now();
      const res = await call(s, "POST", "/api/checkout", {
        token,
        key: randomUUID(),
        body: guestCheckout(),
      });
      times.push(performance.now() - t0);
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) =>
      times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] as number;
    const summary = `checkout latency (200 sequential; order + real product + real payment processes, fakes of cart/member/auth): median ${pct(50).toFixed(1)} ms, p90 ${pct(90).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${(times.at(-1) as number).toFixed(1)} ms`;
    t.diagnostic(summary);
    assert.ok(pct(50) < 1_000, summary);
  });
});

/** Reads the product database directly, only to count reservations (test-only; the order service never does). */
async function queryProduct(url: string, productId: string) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(
      `SELECT count(*) FILTER (WHERE r.status = 'committed')::int AS committed, count(*) FILTER (WHERE r.status <> 'committed')::int AS other
       FROM stock_reservations r JOIN stock_reservation_lines l ON l.reservation_id = r.id WHERE l.product_id = $1`,
      [productId],
    );
  } finally {
    await client.end();
  }
}
