// Issue 6 with every real service: carts that survive login, checkout retries, declined cards,
// order privacy and the admin's state transitions.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { CheckoutResult, Order, type Cart, type CartMergeResult } from "@shop/contracts";
import {
  addToCart,
  adminSession,
  CARDS,
  checkoutBody,
  createProduct,
  guestSession,
  productStock,
  registerCustomer,
  type Session,
} from "./lib/fixtures.js";
import { assertProblem, call, CookieJar, edge, gateway } from "./lib/http.js";

const quantities = (cart: Cart) =>
  Object.fromEntries(cart.lines.map((l) => [l.productId, l.quantity]));

const checkout = (session: Session, key: string, body: unknown = checkoutBody()) =>
  call(gateway(), "/api/checkout", {
    token: session.accessToken,
    ip: session.ip,
    idempotencyKey: key,
    json: body,
  });

async function order(session: Session, id: string) {
  const res = await call(gateway(), `/api/orders/${id}`, {
    token: session.accessToken,
    ip: session.ip,
  });
  assert.equal(res.status, 200, res.text);
  return Order.parse(res.body);
}

describe("issue 6: the guest's cart survives logging in", () => {
  it("guest adds through the edge → registers/logs in → merge keeps every line (quantities added, capped by stock)", async () => {
    const [tee, cap, scarce] = await Promise.all([
      createProduct({ stock: 20 }),
      createProduct({ stock: 20 }),
      createProduct({ stock: 3 }),
    ]);
    // The member already has a cart from another device.
    const member = await registerCustomer("merge");
    await addToCart(member, tee.id, 1);
    await addToCart(member, scarce.id, 2);

    // A cookieless visitor: the edge starts a guest session on the first cart call.
    const browser = new CookieJar();
    const same = { "sec-fetch-site": "same-origin" };
    for (const [product, quantity] of [
      [tee, 2],
      [cap, 1],
      [scarce, 2],
    ] as const) {
      const res = await call<Cart>(edge(), "/api/cart/items", {
        jar: browser,
        headers: same,
        json: { productId: product.id, quantity },
      });
      assert.equal(res.status, 200, res.text);
    }
    const guestToken = browser.get("access_token")!;
    const guestCart = await call<Cart>(edge(), "/api/cart", { jar: browser });
    assert.match(guestCart.body.ownerId, /^guest_/);
    assert.deepEqual(quantities(guestCart.body), { [tee.id]: 2, [cap.id]: 1, [scarce.id]: 2 });

    // Login (as the storefront does it), then the merge with the guest cookie's token.
    const login = await call(edge(), "/api/auth/login", {
      client: true,
      json: { email: member.email, password: member.password },
    });
    assert.equal(login.status, 200, login.text);
    const memberToken = (login.body as { accessToken: string }).accessToken;
    const merged = await call<CartMergeResult>(edge(), "/api/cart/merge", {
      token: memberToken,
      json: { guestToken },
    });
    assert.equal(merged.status, 200, merged.text);
    assert.equal(merged.body.merged, true);
    assert.equal(merged.body.cart.ownerId, member.id);
    assert.deepEqual(
      quantities(merged.body.cart),
      { [tee.id]: 3, [cap.id]: 1, [scarce.id]: 3 },
      "same lines add up; the scarce one is capped at its stock",
    );

    // The member's cart is the merged one on every device; the guest cart is gone; merging again is a no-op.
    const onOtherDevice = await call<Cart>(gateway(), "/api/cart", {
      token: member.accessToken,
      ip: member.ip,
    });
    assert.deepEqual(quantities(onOtherDevice.body), quantities(merged.body.cart));
    const guestAfter = await call<Cart>(gateway(), "/api/cart", { token: guestToken });
    assert.deepEqual(guestAfter.body.lines, []);
    const again = await call<CartMergeResult>(edge(), "/api/cart/merge", {
      token: memberToken,
      json: { guestToken },
    });
    assert.equal(again.body.merged, false);
    assert.deepEqual(quantities(again.body.cart), quantities(merged.body.cart));
  });
});

describe("issue 6: checkout", () => {
  it("the same checkout sent several times at once with one Idempotency-Key makes one order and one payment", async () => {
    const product = await createProduct({ stock: 10, price: 21_000, originalPrice: 21_000 });
    const guest = await guestSession();
    await addToCart(guest, product.id, 2);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 4 }, () => checkout(guest, key)));
    const created = answers.filter((a) => a.status === 201);
    const inFlight = answers.filter((a) => a.status === 409);
    assert.equal(
      created.length + inFlight.length,
      4,
      answers.map((a) => `${a.status} ${a.text}`).join("\n"),
    );
    for (const res of inFlight) assertProblem(res, 409, "IDEMPOTENCY_KEY_IN_USE");
    const ids = new Set(created.map((a) => CheckoutResult.parse(a.body).order.id));
    assert.equal(ids.size, 1, "every success is the same order");
    assert.equal(
      created.filter((a) => a.headers.get("idempotent-replayed") !== "true").length,
      1,
      "executed once",
    );
    // A retry after the dust settles replays it too.
    const retry = await checkout(guest, key);
    assert.equal(retry.headers.get("idempotent-replayed"), "true");
    const orders = await call<{ items: Array<{ id: string; payment: { id: string | null } }> }>(
      gateway(),
      "/api/orders",
      { token: guest.accessToken, ip: guest.ip },
    );
    assert.equal(orders.body.items.length, 1);
    assert.equal(await productStock(product.id), 8, "stock taken once");
    const placed = await order(guest, [...ids][0]!);
    assert.equal(placed.state, "paid");
    assert.equal(placed.payment.status, "captured");
  });

  it("a declined card (4000 0000 0000 0002) cancels the order and puts the stock back", async () => {
    const product = await createProduct({ stock: 4 });
    const guest = await guestSession();
    await addToCart(guest, product.id, 3);
    const res = await checkout(guest, randomUUID(), checkoutBody({}, CARDS.declined));
    const problem = assertProblem(res, 402, "PAYMENT_DECLINED");
    const orderId = (problem as { orderId?: string }).orderId;
    assert.ok(orderId, `the answer names the cancelled order: ${res.text}`);
    const cancelled = await order(guest, orderId);
    assert.equal(cancelled.state, "cancelled");
    assert.equal(cancelled.payment.status, "failed");
    assert.equal(await productStock(product.id), 4, "the reservation was released");
    const cart = await call<Cart>(gateway(), "/api/cart", {
      token: guest.accessToken,
      ip: guest.ip,
    });
    assert.deepEqual(
      quantities(cart.body),
      { [product.id]: 3 },
      "the cart is kept for another try",
    );
    const retried = await checkout(guest, randomUUID());
    assert.equal(retried.status, 201, retried.text);
    assert.equal(await productStock(product.id), 1);
  });
});

describe("issue 6: orders after checkout", () => {
  it("a customer cannot see or cancel another's order (404); an admin moves it paid → preparing → shipped, never a cancelled one", async () => {
    const admin = await adminSession();
    const [buyer, stranger] = await Promise.all([
      registerCustomer("buyer"),
      registerCustomer("stranger"),
    ]);
    const product = await createProduct({ stock: 5, price: 55_000, originalPrice: 60_000 });
    await addToCart(buyer, product.id, 1);
    const placed = await checkout(buyer, randomUUID(), checkoutBody({ email: undefined }));
    assert.equal(placed.status, 201, placed.text);
    const { order: mine } = CheckoutResult.parse(placed.body);
    assert.equal(mine.email, buyer.email, "a member's email comes from their profile");
    assert.equal(mine.totals.shippingFee, 0, "free shipping from ₩50,000");

    for (const path of [`/api/orders/${mine.id}`, `/api/orders/${mine.id}/cancel`]) {
      const res = await call(gateway(), path, {
        token: stranger.accessToken,
        ip: stranger.ip,
        ...(path.endsWith("cancel") ? { json: {} } : {}),
      });
      assertProblem(res, 404, "ORDER_NOT_FOUND");
    }
    const theirList = await call<{ items: unknown[] }>(gateway(), "/api/orders", {
      token: stranger.accessToken,
      ip: stranger.ip,
    });
    assert.deepEqual(theirList.body.items, []);
    assertProblem(
      await call(gateway(), `/api/admin/orders/${mine.id}`, {
        token: buyer.accessToken,
        ip: buyer.ip,
      }),
      403,
      "FORBIDDEN",
    );

    const move = (id: string, to: string) =>
      call(gateway(), `/api/admin/orders/${id}/transitions`, {
        token: admin.accessToken,
        ip: admin.ip,
        json: { to, reason: "e2e" },
      });
    for (const to of ["preparing", "shipped"]) {
      const res = await move(mine.id, to);
      assert.equal(res.status, 200, res.text);
      assert.equal(Order.parse(res.body).state, to);
    }
    const seen = await order(buyer, mine.id);
    assert.equal(seen.state, "shipped", "the customer sees the new state");
    assert.equal(seen.cancellable, false);
    const byAdmin = seen.transitions
      ?.filter((t) => t.actorType === "admin")
      .map((t) => `${t.from}→${t.to}`);
    assert.deepEqual(
      byAdmin,
      ["paid→preparing", "preparing→shipped"],
      "each transition is recorded with its actor",
    );
    assert.ok(seen.transitions?.every((t) => !Number.isNaN(Date.parse(t.at))));
    assertProblem(
      await call(gateway(), `/api/orders/${mine.id}/cancel`, {
        json: {},
        token: buyer.accessToken,
        ip: buyer.ip,
      }),
      409,
      "ORDER_TRANSITION_INVALID",
    );
    const listed = await call<{ items: Array<{ id: string; state: string }> }>(
      gateway(),
      "/api/admin/orders?state=shipped&limit=100",
      { token: admin.accessToken, ip: admin.ip },
    );
    assert.ok(listed.body.items.some((o) => o.id === mine.id));
    assert.ok(
      listed.body.items.every((o) => o.state === "shipped"),
      "the state filter holds",
    );

    // A second order, cancelled by its owner while paid: stock goes back, and it can never be shipped.
    await addToCart(buyer, product.id, 1);
    const second = CheckoutResult.parse(
      (await checkout(buyer, randomUUID(), checkoutBody({ email: undefined }))).body,
    ).order;
    assert.equal(await productStock(product.id), 3);
    const cancel = await call(gateway(), `/api/orders/${second.id}/cancel`, {
      json: {},
      token: buyer.accessToken,
      ip: buyer.ip,
    });
    assert.equal(cancel.status, 200, cancel.text);
    assert.equal(Order.parse(cancel.body).state, "cancelled");
    assert.equal(await productStock(product.id), 4, "the cancelled order's unit is back");
    for (const to of ["shipped", "preparing", "paid"])
      assertProblem(await move(second.id, to), 409, "ORDER_TRANSITION_INVALID");
    assert.equal((await order(buyer, second.id)).state, "cancelled");
  });
});
