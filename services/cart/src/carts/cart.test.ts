import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { TestProduct } from "../testing/catalogue.js";
import { startHarness, type Harness } from "../testing/harness.js";

describe("cart lines (real product service)", () => {
  let h: Harness;
  let shirt: TestProduct;
  let shoes: TestProduct;

  before(async () => {
    h = await startHarness({ MAX_CART_LINES: "3" });
    shirt = await h.catalogue.create({
      price: 29_000,
      stock: 14,
      options: [
        { value: "black", stock: 4 },
        { value: "white", stock: 10, extraPrice: 1_000 },
      ],
    });
    shoes = await h.catalogue.create({ price: 89_000, stock: 3 });
  });
  after(() => h.close());

  const add = async (sub: string, body: unknown) =>
    h.app.inject({
      method: "POST",
      url: "/api/cart/items",
      headers: await h.auth(sub),
      payload: body as object,
    });
  const read = async (sub: string) =>
    (await h.app.inject({ method: "GET", url: "/api/cart", headers: await h.auth(sub) })).json();

  it("adds lines, adds up repeats of the same product+option, and re-reads them", async () => {
    const guest = `guest_${randomUUID()}`;
    const black = shirt.options.black!;
    let res = await add(guest, { productId: shirt.id, optionId: black, quantity: 1 });
    assert.equal(res.statusCode, 200, res.body);
    res = await add(guest, { productId: shirt.id, optionId: black, quantity: 2 });
    assert.equal(res.json().lines[0].quantity, 3);
    res = await add(guest, { productId: shirt.id, optionId: shirt.options.white, quantity: 1 });
    const cart = res.json();
    assert.equal(cart.ownerId, guest);
    assert.equal(cart.lines.length, 2);
    const blackLine = cart.lines.find((l: { optionId: string }) => l.optionId === black);
    assert.deepEqual(
      [
        blackLine.quantity,
        blackLine.unitPrice,
        blackLine.lineTotal,
        blackLine.optionLabel,
        blackLine.available,
      ],
      [3, 29_000, 87_000, "black", 4],
    );
    assert.ok(
      blackLine.name.startsWith("Test product") &&
        blackLine.slug &&
        blackLine.brand === "Testbrand",
    );
    const whiteLine = cart.lines.find(
      (l: { optionId: string }) => l.optionId === shirt.options.white,
    );
    assert.equal(whiteLine.unitPrice, 30_000, "the option's extra price is part of the unit price");
    assert.equal(cart.itemCount, 4);
    assert.equal(cart.subtotal, 87_000 + 30_000);
    assert.equal(cart.currency, "KRW");
    assert.equal(res.headers["cache-control"], "private, no-store");
    assert.deepEqual(await read(guest), cart);
  });

  it("changes a quantity, removes a line and clears the cart", async () => {
    const me = randomUUID();
    const auth = await h.auth(me);
    const lineId = (await add(me, { productId: shoes.id, quantity: 1 })).json().lines[0].lineId;
    let res = await h.app.inject({
      method: "PATCH",
      url: `/api/cart/items/${lineId}`,
      headers: auth,
      payload: { quantity: 3 },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().lines[0].quantity, 3);
    await add(me, { productId: shirt.id, optionId: shirt.options.white, quantity: 1 });
    res = await h.app.inject({ method: "DELETE", url: `/api/cart/items/${lineId}`, headers: auth });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res.json().lines.map((l: { productId: string }) => l.productId),
      [shirt.id],
    );
    // Some clients declare a JSON body on a DELETE and send none: not an error.
    res = await h.app.inject({
      method: "DELETE",
      url: "/api/cart",
      headers: { ...auth, "content-type": "application/json" },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().lines, []);
    assert.equal(await h.redis.exists(`${h.prefix}cart:${me}`), 0);
  });

  it("answers 404 for a line id that is in someone else's cart only", async () => {
    const owner = randomUUID();
    const other = randomUUID();
    const lineId = (await add(owner, { productId: shoes.id, quantity: 1 })).json().lines[0].lineId;
    for (const [method, payload] of [
      ["PATCH", { quantity: 2 }],
      ["DELETE", undefined],
    ] as const) {
      const res = await h.app.inject({
        method,
        url: `/api/cart/items/${lineId}`,
        headers: await h.auth(other),
        ...(payload ? { payload } : {}),
      });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, "CART_LINE_NOT_FOUND");
    }
    assert.equal((await read(owner)).lines[0].quantity, 1);
  });

  it("refuses bad input with 400 and the field", async () => {
    const me = randomUUID();
    const cases: Array<[unknown, string]> = [
      [{ productId: shirt.id, quantity: 0 }, "quantity"],
      [{ productId: shirt.id, quantity: -2 }, "quantity"],
      [{ productId: shirt.id, quantity: 1.5 }, "quantity"],
      [{ productId: shirt.id, quantity: "2" }, "quantity"],
      [{ quantity: 1 }, "productId"],
      [{ productId: "../../etc", quantity: 1 }, "productId"],
      [{ productId: randomUUID(), quantity: 1 }, "productId"],
      [{ productId: shirt.id, optionId: randomUUID(), quantity: 1 }, "optionId"],
      [{ productId: shirt.id, optionId: shoes.id, quantity: 1 }, "optionId"],
    ];
    for (const [body, field] of cases) {
      const res = await add(me, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
      assert.equal(res.json().code, "VALIDATION_FAILED");
      assert.ok(
        res.json().errors.some((e: { field: string }) => e.field === field),
        `${JSON.stringify(body)} → ${res.body}`,
      );
    }
    const patch = await h.app.inject({
      method: "PATCH",
      url: "/api/cart/items/AAAAAAAAAAAAAAAA",
      headers: await h.auth(me),
      payload: { quantity: 0 },
    });
    assert.equal(patch.statusCode, 400);
    const malformed = await h.app.inject({
      method: "POST",
      url: "/api/cart/items",
      headers: { ...(await h.auth(me)), "content-type": "application/json" },
      payload: "{oops",
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().code, "MALFORMED_JSON");
  });

  it("enforces the per-line and line-count limits (422) and stock (409)", async () => {
    const me = randomUUID();
    let res = await add(me, { productId: shirt.id, optionId: shirt.options.white, quantity: 100 });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().code, "CART_LIMIT_EXCEEDED");
    res = await add(me, { productId: shoes.id, quantity: 4 });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, "INSUFFICIENT_STOCK");
    assert.equal(res.json().available, 3);
    await add(me, { productId: shoes.id, quantity: 2 });
    res = await add(me, { productId: shoes.id, quantity: 2 });
    assert.equal(res.statusCode, 409, "2 in the cart + 2 more > 3 in stock");
    const lineId = (await read(me)).lines[0].lineId;
    res = await h.app.inject({
      method: "PATCH",
      url: `/api/cart/items/${lineId}`,
      headers: await h.auth(me),
      payload: { quantity: 4 },
    });
    assert.equal(res.statusCode, 409);
    await add(me, { productId: shirt.id, optionId: shirt.options.black, quantity: 1 });
    await add(me, { productId: shirt.id, optionId: shirt.options.white, quantity: 1 });
    res = await add(me, { productId: shirt.id, quantity: 1 });
    assert.equal(res.statusCode, 422, "a fourth line over MAX_CART_LINES=3");
    assert.equal(res.json().code, "CART_LIMIT_EXCEEDED");
  });

  it("counts every one of many parallel adds of the same line", async () => {
    const me = randomUUID();
    const auth = await h.auth(me);
    const payload = { productId: shirt.id, optionId: shirt.options.white, quantity: 1 };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.app.inject({ method: "POST", url: "/api/cart/items", headers: auth, payload }),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.statusCode),
      Array(10).fill(200),
    );
    assert.equal((await read(me)).lines[0].quantity, 10);
  });

  it("never lets parallel adds overshoot the stock", async () => {
    const me = randomUUID();
    const auth = await h.auth(me);
    const payload = { productId: shirt.id, optionId: shirt.options.black, quantity: 1 };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.app.inject({ method: "POST", url: "/api/cart/items", headers: auth, payload }),
      ),
    );
    assert.equal(results.filter((r) => r.statusCode === 200).length, 4);
    assert.equal(results.filter((r) => r.statusCode === 409).length, 4);
    assert.equal((await read(me)).lines[0].quantity, 4);
  });
});
