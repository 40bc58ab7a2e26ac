// Issue 5 at the gateway with the real services behind it: idempotent checkout, rate limits on a
// login brute force, and request body limits.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { CheckoutResult, Order, Problem } from "@shop/contracts";
import { stack } from "../harness.js";
import {
  addToCart,
  adminSession,
  checkoutBody,
  createProduct,
  guestSession,
  productStock,
  registerCustomer,
  uniqueIp,
  type Session,
} from "./lib/fixtures.js";
import { assertProblem, call, edge, gateway } from "./lib/http.js";

const checkout = (
  session: Session,
  options: { key?: string; headers?: Record<string, string>; body?: unknown } = {},
) =>
  call(gateway(), "/api/checkout", {
    token: session.accessToken,
    ip: session.ip,
    json: options.body ?? checkoutBody(),
    ...(options.key ? { idempotencyKey: options.key } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });

const ordersOf = async (session: Session) => {
  const res = await call<{ items: unknown[] }>(gateway(), "/api/orders", {
    token: session.accessToken,
    ip: session.ip,
  });
  assert.equal(res.status, 200, res.text);
  return res.body.items.map((o) => Order.parse(o));
};

describe("issue 5: idempotency through the gateway on POST /api/checkout", () => {
  it("400 without a key or with a malformed one; replay with Idempotent-Replayed; 422 for another payload", async () => {
    const product = await createProduct({ stock: 5, price: 12_000, originalPrice: 15_000 });
    const guest = await guestSession();
    await addToCart(guest, product.id, 1);

    assertProblem(await checkout(guest), 400, "IDEMPOTENCY_KEY_MISSING");
    assertProblem(await checkout(guest, { key: "short" }), 400, "IDEMPOTENCY_KEY_INVALID");
    assert.deepEqual(await ordersOf(guest), [], "no order without a valid key");
    assert.equal(await productStock(product.id), 5, "no stock taken");

    const key = randomUUID();
    const first = await checkout(guest, { key });
    assert.equal(first.status, 201, first.text);
    const placed = CheckoutResult.parse(first.body);
    assert.equal(placed.order.state, "paid");
    assert.equal(
      placed.order.totals.grandTotal,
      12_000 + 3_000,
      "items + standard shipping, computed by the server",
    );
    assert.equal(first.headers.get("idempotent-replayed"), null);

    const replay = await checkout(guest, { key });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
    assert.equal(replay.headers.get("x-idempotency-replayed"), "true");
    assert.equal(replay.text, first.text, "the stored answer is replayed byte for byte");
    const alias = await checkout(guest, { headers: { "x-idempotency-key": key } });
    assert.equal(
      alias.headers.get("idempotent-replayed"),
      "true",
      "X-Idempotency-Key is the same key",
    );
    assert.equal(CheckoutResult.parse(alias.body).order.id, placed.order.id);

    const different = await checkout(guest, {
      key,
      body: checkoutBody({ shippingMethod: "express" }),
    });
    assertProblem(different, 422, "IDEMPOTENCY_KEY_REUSED");

    assert.deepEqual(
      (await ordersOf(guest)).map((o) => o.id),
      [placed.order.id],
      "one order",
    );
    assert.equal(await productStock(product.id), 4, "one unit sold");

    // The key is scoped to its caller: another shopper using the same key places their own order.
    const other = await guestSession();
    await addToCart(other, product.id, 1);
    const theirs = await checkout(other, { key });
    assert.equal(theirs.status, 201, theirs.text);
    assert.equal(theirs.headers.get("idempotent-replayed"), null);
    assert.notEqual(CheckoutResult.parse(theirs.body).order.id, placed.order.id);
  });
});

describe("issue 5: rate limits", () => {
  it("a login brute force from one address gets 429 with Retry-After, RateLimit and RateLimit-Policy", async () => {
    const victim = await registerCustomer("victim");
    const attacker = uniqueIp();
    const attempt = (password: string) =>
      call(gateway(), "/api/auth/login", {
        client: true,
        ip: attacker,
        json: { email: victim.email, password },
      });

    const answers = [];
    for (let i = 1; i <= 6; i++) answers.push(await attempt(`wrong-${i}`));
    for (const res of answers.slice(0, 5)) {
      assertProblem(res, 401, "AUTH_INVALID_CREDENTIALS");
      assert.match(res.headers.get("ratelimit-policy") ?? "", /"auth-login";q=30;w=60/);
    }
    // Auth throttles the account after 5 failures …
    const locked = assertProblem(answers[5]!, 429, "AUTH_TOO_MANY_ATTEMPTS");
    assert.ok(
      Number(answers[5]!.headers.get("retry-after")) > 0,
      "Retry-After on the account lock",
    );
    assert.ok(locked.detail.length > 0);
    assertProblem(await attempt(victim.password), 429, "AUTH_TOO_MANY_ATTEMPTS");
    // … and the gateway stops the address after 30 login calls a minute.
    const burst = await Promise.all(Array.from({ length: 23 }, (_, i) => attempt(`burst-${i}`)));
    const remaining = burst
      .map((res) => /r=(\d+)/.exec(res.headers.get("ratelimit") ?? "")?.[1])
      .map(Number);
    assert.ok(remaining.includes(0), `the window fills up: ${remaining.join(",")}`);
    let limited;
    for (let i = 0; i < 5 && !limited; i++) {
      const res = await attempt("one-more");
      if (Problem.safeParse(res.body).data?.code === "RATE_LIMITED") limited = res;
    }
    assert.ok(limited, "the gateway refused the address");
    assertProblem(limited, 429, "RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.match(limited.headers.get("ratelimit") ?? "", /^"auth-login";r=0;t=\d+$/);
    assert.match(limited.headers.get("ratelimit-policy") ?? "", /^"auth-login";q=30;w=60$/);

    // Another address is not affected by this one's limit.
    const elsewhere = await call(gateway(), "/api/auth/login", {
      client: true,
      ip: uniqueIp(),
      json: { email: stack().admin.email, password: stack().admin.password },
    });
    assert.equal(elsewhere.status, 200, elsewhere.text);
  });
});

describe("issue 5: request body limits", () => {
  it("413 in problem details for an oversized body, declared or streamed, through the edge and at the gateway", async () => {
    const guest = await guestSession();
    const big = JSON.stringify({
      productId: randomUUID(),
      quantity: 1,
      note: "x".repeat(100 * 1024),
    });
    for (const base of [edge(), gateway()]) {
      const declared = await call(base, "/api/cart/items", {
        token: guest.accessToken,
        ip: guest.ip,
        body: big,
        headers: { "content-type": "application/json" },
      });
      assertProblem(declared, 413, "BODY_TOO_LARGE");
    }
    const streamed = await fetch(`${gateway()}/api/cart/items`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${guest.accessToken}`,
        "content-type": "application/json",
        "x-forwarded-for": guest.ip,
      },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    assert.equal(streamed.status, 413);
    assert.equal(Problem.parse(await streamed.json()).code, "BODY_TOO_LARGE");
    const cart = await call<{ lines: unknown[] }>(gateway(), "/api/cart", {
      token: guest.accessToken,
      ip: guest.ip,
    });
    assert.deepEqual(cart.body.lines, []);

    const admin = await adminSession();
    const hugeCheckout = await call(gateway(), "/api/checkout", {
      token: admin.accessToken,
      ip: admin.ip,
      idempotencyKey: randomUUID(),
      json: checkoutBody({ note: "y".repeat(70 * 1024) }),
    });
    assertProblem(hugeCheckout, 413, "BODY_TOO_LARGE");
  });
});
