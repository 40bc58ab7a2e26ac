// Checkouts with their ground pulled away: while shoppers check out, PostgreSQL, Redis, the order
// service, the payment service or the storefront is killed (or PostgreSQL or the payment service
// hung) and brought back. Each shopper behaves as a real client: it retries with the same
// Idempotency-Key while the answer says "try again". Afterwards: every shopper has a definite
// answer that matches the order's real state, no order is paid twice or charged while cancelled,
// none is stuck outside its saga, and no stock stays reserved past the reservation timeout.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { CheckoutResult, Order } from "@shop/contracts";
import type { RunningStack } from "../../infra/launcher/stack.js";
import {
  addToCart,
  checkoutBody,
  createProduct,
  guestSession,
  productStock,
  type CreatedProduct,
  type Session,
} from "../api/lib/fixtures.js";
import { call, gateway, within, type Answer } from "../api/lib/http.js";
import { CHAOS_TIMERS, chaosStack, kill, pause, restart, resume, type Target } from "./lab.js";

const SHOPPERS_PER_ROUND = 8;
const STOCK = 1_000;

let stack: RunningStack;
let product: CreatedProduct;
let orders: pg.Pool;
/** The test's own view of a part's database; it survives the same faults as the parts. */
function db(part: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: stack.databaseUrls[part], max: 2 });
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

before(async () => {
  stack = await chaosStack();
  product = await createProduct({ stock: STOCK, price: 10_000, originalPrice: 10_000 });
  orders = db("order");
});
after(async () => {
  await orders?.end();
  await stack?.stop();
});

interface Outcome {
  shopper: Session;
  key: string;
  answer: Answer<unknown>;
  attempts: number;
}

/** When each "try again" answer arrived (the hang round waits for the first one). */
const retryAnswers: number[] = [];

/**
 * A shopper's checkout as a well-behaved client sends it: while the answer says "try again" (5xx,
 * or a Retry-After such as 409 in progress or 429), wait what Retry-After asks (at most 5 s) and
 * retry with the same Idempotency-Key, for up to three minutes.
 */
async function checkOut(shopper: Session, key: string): Promise<Outcome> {
  const deadline = performance.now() + 180_000;
  const seen: string[] = [];
  for (let attempts = 1; ; attempts++) {
    const answer = await call(gateway(), "/api/checkout", {
      token: shopper.accessToken,
      ip: shopper.ip,
      idempotencyKey: key,
      json: checkoutBody(),
    }).catch(() => undefined);
    const retryAfter = answer?.headers.get("retry-after");
    if (answer && answer.status < 500 && !retryAfter) return { shopper, key, answer, attempts };
    if (answer) retryAnswers.push(performance.now());
    const said = `${answer?.status ?? "no answer"} ${(answer?.body as { code?: string } | undefined)?.code ?? ""}`;
    if (seen.at(-1) !== said) seen.push(said);
    if (performance.now() > deadline)
      throw new Error(`no definite answer after ${attempts} tries: ${seen.slice(-8).join(" → ")}`);
    const seconds = Math.min(5, Math.max(0.2, Number(retryAfter ?? 1) || 1));
    await new Promise((r) => setTimeout(r, seconds * 1000));
  }
}

const ordersOfProduct = async () =>
  Number(
    (
      await orders.query(
        "SELECT count(DISTINCT order_id) AS n FROM order_lines WHERE product_id = $1",
        [product.id],
      )
    ).rows[0].n,
  );

/** One round: shoppers start checking out; once the first order exists, the fault strikes. */
async function round(target: Target, fault: "kill" | "hang"): Promise<Outcome[]> {
  const shoppers = await Promise.all(
    Array.from({ length: SHOPPERS_PER_ROUND }, async () => {
      const shopper = await guestSession();
      await addToCart(shopper, product.id);
      return shopper;
    }),
  );
  const before = await ordersOfProduct();
  const running = shoppers.map((s) => checkOut(s, randomUUID()));
  try {
    await within(30_000, async () => ((await ordersOfProduct()) > before ? true : undefined));
    if (fault === "kill") {
      try {
        await kill(stack, target);
      } finally {
        await restart(stack, target);
      }
    } else {
      const pausedAt = performance.now();
      pause(stack, target);
      try {
        // The outage lasts until a shopper has been told to try again.
        await within(
          30_000,
          async () => (retryAnswers.some((t) => t > pausedAt) ? true : undefined),
          100,
        );
      } finally {
        resume(stack, target);
      }
    }
  } catch (error) {
    await Promise.allSettled(running); // no shopper is left running into the next test
    throw error;
  }
  return Promise.all(running);
}

const everyOutcome: Outcome[] = [];

describe("checkouts while a dependency fails", () => {
  const rounds: Array<[Target, "kill" | "hang"]> = [
    ["order", "kill"],
    ["payment", "kill"],
    ["payment", "hang"],
    ["postgres", "kill"],
    ["postgres", "hang"],
    ["redis", "kill"],
    // Checkouts do not pass through the storefront: they must not notice it going.
    ["storefront", "kill"],
  ];
  for (const [target, fault] of rounds) {
    it(`${target} ${fault === "kill" ? "killed" : "hung"} mid-checkout: every shopper gets a definite answer`, async () => {
      const outcomes = await round(target, fault);
      for (const o of outcomes)
        assert.ok(
          [201, 402, 409, 422].includes(o.answer.status),
          `${target}: ${o.answer.status} ${o.answer.text}`,
        );
      everyOutcome.push(...outcomes);
      const died = [...stack.processes].filter(([, proc]) => proc.exited()).map(([name]) => name);
      assert.deepEqual(died, [], "no part ended by itself");
    });
  }

  it("afterwards each answer matches the order's real state, nothing is paid twice, stuck or left reserved", async () => {
    const payments = db("payment");
    const products = db("product");
    try {
      // The sweeper settles what the faults left unpaid once reservations run out.
      const settleMs = (CHAOS_TIMERS.reservationTtlSeconds + 40) * 1000;
      await within(
        settleMs,
        async () => {
          const { rows } = await orders.query(
            "SELECT count(*) AS n FROM orders WHERE state = 'pending_payment' OR checkout_status = 'running'",
          );
          return Number(rows[0].n) === 0 ? true : undefined;
        },
        500,
      );

      for (const o of everyOutcome) {
        const mine = await call(gateway(), "/api/orders", {
          token: o.shopper.accessToken,
          ip: o.shopper.ip,
        });
        assert.equal(mine.status, 200, mine.text);
        if (o.answer.status !== 201) continue;
        const placed = CheckoutResult.parse(o.answer.body).order;
        const seen = await call(gateway(), `/api/orders/${placed.id}`, {
          token: o.shopper.accessToken,
          ip: o.shopper.ip,
        });
        assert.equal(seen.status, 200, `a confirmed order can be seen: ${seen.text}`);
        assert.ok(["paid", "cancelled"].includes(Order.parse(seen.body).state));
      }

      const paidTwice = await payments.query(
        `SELECT order_id FROM payments WHERE status IN ('authorized', 'captured') GROUP BY order_id HAVING count(*) > 1`,
      );
      assert.deepEqual(paidTwice.rows, [], "no order holds two live payments");
      const { rows: placed } = await orders.query(
        `SELECT o.id, o.state, o.grand_total, o.reservation_id FROM orders o
         WHERE EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id = $1)`,
        [product.id],
      );
      let paidUnits = 0;
      for (const order of placed) {
        const { rows } = await payments.query(
          "SELECT status, captured_amount - refunded_amount AS kept FROM payments WHERE order_id = $1",
          [order.id],
        );
        const kept = rows.reduce((sum, r) => sum + Number(r.kept), 0);
        const authorised = rows.filter((r) => r.status === "authorized").length;
        const reservation = (
          await products.query("SELECT status FROM stock_reservations WHERE id = $1", [
            order.reservation_id,
          ])
        ).rows[0]?.status as string | undefined;
        const stockHeld = order.state === "paid" ? "committed" : "released";
        assert.equal(
          reservation,
          stockHeld,
          `order ${order.id} (${order.state}): its stock is ${stockHeld}`,
        );
        if (order.state === "paid") {
          paidUnits += 1;
          assert.equal(
            kept,
            order.grand_total,
            `paid order ${order.id} was charged its total once`,
          );
        } else {
          assert.equal(order.state, "cancelled", `order ${order.id} ended in ${order.state}`);
          assert.equal(kept + authorised, 0, `cancelled order ${order.id} keeps no money`);
        }
      }
      // A reservation whose order was never written (the fault struck between reserving and
      // writing the order, and the undo could not reach the product service) is released by the
      // product service's own sweep (every 5 s) once it expires. Every order is settled by now,
      // so no reservation of this product may stay reserved past its timeout.
      const stillReserved = async () =>
        (
          await products.query(
            `SELECT r.id, r.expires_at FROM stock_reservations r
              WHERE r.status = 'reserved'
                AND EXISTS (SELECT 1 FROM stock_reservation_lines l
                             WHERE l.reservation_id = r.id AND l.product_id = $1)`,
            [product.id],
          )
        ).rows as Array<{ id: string; expires_at: Date }>;
      await within(
        (CHAOS_TIMERS.reservationTtlSeconds + 20) * 1000,
        async () => ((await stillReserved()).length === 0 ? true : undefined),
        500,
      ).catch(async (error: unknown) => {
        throw new Error(`reservations left reserved: ${JSON.stringify(await stillReserved())}`, {
          cause: error,
        });
      });
      assert.equal(
        await productStock(product.id),
        STOCK - paidUnits,
        "stock = initial − paid units",
      );
      console.log(
        `checkout chaos: ${everyOutcome.length} shoppers, ${placed.length} orders (${paidUnits} paid), ` +
          `${everyOutcome.filter((o) => o.attempts > 1).length} needed retries`,
      );
    } finally {
      await payments.end();
      await products.end();
    }
  });
});
