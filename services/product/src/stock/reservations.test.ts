// Internal stock API: product lookup and reservations (atomic, never negative, idempotent,
// commit/release, expiry sweep), including 100 concurrent reservations for 10 units.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { CATALOG_EVENTS_CHANNEL } from "@shop/contracts";
import { waitFor } from "@shop/test-kit";
import { listen, startTestService, type Json, type TestService } from "../test-support.js";
import { ReservationsService } from "./reservations.service.js";

let svc: TestService;
let internal: Record<string, string>;

before(async () => {
  svc = await startTestService();
  internal = { "x-internal-key": svc.config.INTERNAL_KEY };
});
after(() => svc?.close());

const call = (method: string, path: string, body?: unknown) =>
  svc.api(method, path, { headers: internal, body });

/** A fresh product with `stock` units and two colour options of `optionStock` units each. */
async function makeProduct(stock: number, optionStock = stock): Promise<Json> {
  const res = await svc.api("POST", "/api/v1/products", {
    token: svc.tokens.admin,
    body: {
      name: `재고 테스트 ${randomUUID().slice(0, 8)}`,
      brand: "테스트",
      categoryId: "sports",
      price: 10000,
      originalPrice: 12000,
      stock,
      options: [
        { type: "colour", value: "red", hex: "#ff0000", stock: optionStock },
        { type: "colour", value: "blue", hex: "#0000ff", stock: optionStock, extraPrice: 500 },
      ],
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

const stockOf = async (id: string) =>
  (await svc.api("GET", `/api/v1/products/${id}`, { token: svc.tokens.admin })).body;

describe("internal access", () => {
  test("without the internal key every internal route is 401", async () => {
    const res = await svc.api("POST", "/internal/products/lookup", { body: { items: [] } });
    assert.equal(res.status, 401);
    assert.equal(res.body.code, "INTERNAL_AUTH_REQUIRED");
    const wrong = await svc.api("POST", "/internal/reservations", {
      headers: { "x-internal-key": "nope" },
      body: {},
    });
    assert.equal(wrong.status, 401);
    assert.equal(
      (await svc.api("POST", "/internal/reservations/x/release", { token: svc.tokens.admin }))
        .status,
      401,
    );
  });
});

describe("lookup", () => {
  test("prices, option labels and availability; unknown ids are found: false", async () => {
    const p = await makeProduct(8, 5);
    const blue = p.options.find((o: Json) => o.value === "blue");
    const res = await call("POST", "/internal/products/lookup", {
      items: [
        { productId: p.id },
        { productId: p.id, optionId: blue.id },
        { productId: randomUUID() },
        { productId: p.id, optionId: randomUUID() },
      ],
    });
    assert.equal(res.status, 200);
    const [plain, option, unknown, badOption] = res.body.items;
    assert.deepEqual(
      [
        plain.found,
        plain.unitPrice,
        plain.originalPrice,
        plain.available,
        plain.status,
        plain.optionId,
      ],
      [true, 10000, 12000, 8, "active", null],
    );
    assert.deepEqual(
      [option.unitPrice, option.originalPrice, option.available, option.optionLabel],
      [10500, 12500, 5, "blue"],
    );
    assert.equal(unknown.found, false);
    assert.equal(badOption.found, false);
    assert.equal(plain.name, p.name);
    assert.equal(plain.slug, p.slug);
  });

  test("a deleted product is found with status deleted and nothing available", async () => {
    const p = await makeProduct(3);
    await svc.api("DELETE", `/api/v1/products/${p.id}`, { token: svc.tokens.admin });
    const res = await call("POST", "/internal/products/lookup", { items: [{ productId: p.id }] });
    assert.deepEqual(
      [res.body.items[0].found, res.body.items[0].status, res.body.items[0].available],
      [true, "deleted", 0],
    );
  });

  test("bad input is a 400", async () => {
    const res = await call("POST", "/internal/products/lookup", {
      items: [{ productId: "not-a-uuid" }],
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].field, "items.0.productId");
  });
});

describe("reserve", () => {
  test("takes stock from the product and the option together", async () => {
    const p = await makeProduct(10, 6);
    const red = p.options.find((o: Json) => o.value === "red");
    const res = await call("POST", "/internal/reservations", {
      reservationId: `order-${randomUUID()}`,
      items: [{ productId: p.id, optionId: red.id, quantity: 4 }],
      ttlSeconds: 60,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, "reserved");
    assert.ok(Date.parse(res.body.expiresAt) > Date.now() + 50_000);
    const after = await stockOf(p.id);
    assert.equal(after.stock, 6);
    assert.equal(after.options.find((o: Json) => o.value === "red").stock, 2);
  });

  test("all lines or none: a short line names itself and nothing is taken", async () => {
    const a = await makeProduct(5);
    const b = await makeProduct(2);
    const res = await call("POST", "/internal/reservations", {
      reservationId: `order-${randomUUID()}`,
      items: [
        { productId: a.id, quantity: 3 },
        { productId: b.id, quantity: 3 },
      ],
      ttlSeconds: 60,
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, "INSUFFICIENT_STOCK");
    assert.deepEqual(res.body.errors, [{ field: "items.1", message: "only 2 left (asked for 3)" }]);
    assert.equal((await stockOf(a.id)).stock, 5);
    assert.equal((await stockOf(b.id)).stock, 2);
  });

  test("an option with too little stock is short even when the product has enough", async () => {
    const p = await makeProduct(10, 1);
    const blue = p.options.find((o: Json) => o.value === "blue");
    const res = await call("POST", "/internal/reservations", {
      reservationId: `order-${randomUUID()}`,
      items: [{ productId: p.id, optionId: blue.id, quantity: 2 }],
      ttlSeconds: 60,
    });
    assert.equal(res.status, 409);
    assert.match(res.body.errors[0].message, /only 1 left/);
    assert.equal((await stockOf(p.id)).stock, 10);
  });

  test("unknown products and sold-out items are refused with clear messages", async () => {
    const p = await makeProduct(0);
    const res = await call("POST", "/internal/reservations", {
      reservationId: `order-${randomUUID()}`,
      items: [
        { productId: randomUUID(), quantity: 1 },
        { productId: p.id, quantity: 1 },
      ],
      ttlSeconds: 60,
    });
    assert.equal(res.status, 409);
    assert.deepEqual(res.body.errors.map((e: Json) => e.message).sort(), [
      "sold out",
      "this product is no longer sold",
    ]);
  });

  test("the same reservation id again answers the existing reservation and takes nothing more", async () => {
    const p = await makeProduct(5);
    const body = {
      reservationId: `order-${randomUUID()}`,
      items: [{ productId: p.id, quantity: 2 }],
      ttlSeconds: 60,
    };
    const first = await call("POST", "/internal/reservations", body);
    const second = await call("POST", "/internal/reservations", body);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(second.body, first.body);
    assert.equal((await stockOf(p.id)).stock, 3);
    const different = await call("POST", "/internal/reservations", {
      ...body,
      items: [{ productId: p.id, quantity: 1 }],
    });
    assert.equal(different.status, 422);
  });

  test("10 concurrent duplicates of one reservation take stock once", async () => {
    const p = await makeProduct(50);
    const body = {
      reservationId: `order-${randomUUID()}`,
      items: [{ productId: p.id, quantity: 3 }],
      ttlSeconds: 60,
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call("POST", "/internal/reservations", body)),
    );
    assert.ok(results.every((r) => r.status === 201));
    assert.equal(results.filter((r) => r.headers.get("idempotent-replayed") !== "true").length, 1);
    assert.equal((await stockOf(p.id)).stock, 47);
  });

  test("100 concurrent reservations for 10 units: exactly 10 succeed, stock ends at 0", async () => {
    const p = await makeProduct(10, 10);
    const red = p.options.find((o: Json) => o.value === "red");
    const events = await listen(svc.redis.url, svc.redis.prefix + CATALOG_EVENTS_CHANNEL);
    try {
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          call("POST", "/internal/reservations", {
            reservationId: `order-${i}-${randomUUID()}`,
            items: [{ productId: p.id, optionId: red.id, quantity: 1 }],
            ttlSeconds: 60,
          }),
        ),
      );
      const statuses = results.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 201).length, 10);
      assert.equal(statuses.filter((s) => s === 409).length, 90);
      assert.ok(
        results.filter((r) => r.status === 409).every((r) => r.body.code === "INSUFFICIENT_STOCK"),
      );
      const after = await stockOf(p.id);
      assert.equal(after.stock, 0);
      assert.equal(after.options.find((o: Json) => o.value === "red").stock, 0);
      await waitFor(
        async () => events.messages.find((e) => e.type === "product.updated" && e.id === p.id),
        2000,
        20,
      );
    } finally {
      await events.stop();
    }
  });

  test("stock can never go negative, even written directly", async () => {
    const p = await makeProduct(1);
    const { DataSource } = await import("typeorm");
    await assert.rejects(
      svc.product.app.get(DataSource).query("UPDATE products SET stock = -1 WHERE id = $1", [p.id]),
      /CHK_products_stock_nonneg/,
    );
  });

  test("bad bodies are 400s", async () => {
    const res = await call("POST", "/internal/reservations", {
      reservationId: "bad id!",
      items: [{ productId: randomUUID(), quantity: 0 }],
    });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors.map((e: Json) => e.field).sort(), [
      "items.0.quantity",
      "reservationId",
    ]);
  });
});

describe("commit and release", () => {
  const reserve = async (productId: string, quantity: number, ttlSeconds = 60) => {
    const id = `order-${randomUUID()}`;
    const res = await call("POST", "/internal/reservations", {
      reservationId: id,
      items: [{ productId, quantity }],
      ttlSeconds,
    });
    assert.equal(res.status, 201);
    return id;
  };

  test("commit keeps the deduction and counts the sale; it is idempotent", async () => {
    const p = await makeProduct(5);
    const id = await reserve(p.id, 2);
    const first = await call("POST", `/internal/reservations/${id}/commit`);
    assert.equal(first.status, 200);
    assert.equal(first.body.status, "committed");
    assert.equal((await call("POST", `/internal/reservations/${id}/commit`)).status, 200);
    const after = await stockOf(p.id);
    assert.deepEqual([after.stock, after.salesCount], [3, 2]);
  });

  test("release returns the stock, is idempotent, and works after commit (a cancelled paid order)", async () => {
    const p = await makeProduct(5);
    const reserved = await reserve(p.id, 2);
    assert.equal(
      (await call("POST", `/internal/reservations/${reserved}/release`)).body.status,
      "released",
    );
    assert.equal((await call("POST", `/internal/reservations/${reserved}/release`)).status, 200);
    assert.equal((await stockOf(p.id)).stock, 5);

    const paid = await reserve(p.id, 3);
    await call("POST", `/internal/reservations/${paid}/commit`);
    await call("POST", `/internal/reservations/${paid}/release`);
    await call("POST", `/internal/reservations/${paid}/release`);
    const after = await stockOf(p.id);
    assert.deepEqual([after.stock, after.salesCount], [5, 0]);

    const late = await call("POST", `/internal/reservations/${reserved}/commit`);
    assert.equal(late.status, 409);
    assert.equal(late.body.code, "RESERVATION_RELEASED");
  });

  test("unknown reservation ids are 404", async () => {
    for (const action of ["commit", "release"]) {
      const res = await call("POST", `/internal/reservations/nope-${randomUUID()}/${action}`);
      assert.equal(res.status, 404);
      assert.equal(res.body.code, "RESERVATION_NOT_FOUND");
    }
  });

  test("the sweeper releases expired reservations and leaves live and committed ones alone", async () => {
    const p = await makeProduct(10);
    const expiring = await reserve(p.id, 4, 1);
    const committed = await reserve(p.id, 1, 1);
    await call("POST", `/internal/reservations/${committed}/commit`);
    const live = await reserve(p.id, 2, 600);
    assert.equal((await stockOf(p.id)).stock, 3);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const swept = await svc.product.app.get(ReservationsService).sweepExpired();
    assert.ok(swept.released >= 1);
    const expired = (await call("GET", `/internal/reservations/${expiring}`)).body;
    assert.deepEqual([expired.status, expired.releaseReason], ["released", "expired"]);
    assert.equal(
      (await call("GET", `/internal/reservations/${committed}`)).body.status,
      "committed",
    );
    assert.equal((await call("GET", `/internal/reservations/${live}`)).body.status, "reserved");
    assert.equal((await stockOf(p.id)).stock, 7);
    assert.equal((await call("POST", `/internal/reservations/${expiring}/commit`)).status, 409);
  });
});
