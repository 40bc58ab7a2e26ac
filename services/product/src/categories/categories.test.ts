// Categories: the 8 seeded categories, reads by id or slug, admin writes, soft delete, events.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { CATALOG_EVENTS_CHANNEL } from "@shop/contracts";
import { waitFor } from "@shop/test-kit";
import { listen, startTestService, type Json, type TestService } from "../test-support.js";

let svc: TestService;
let events: Awaited<ReturnType<typeof listen>>;

before(async () => {
  svc = await startTestService();
  events = await listen(svc.redis.url, svc.redis.prefix + CATALOG_EVENTS_CHANNEL);
});
after(async () => {
  await events?.stop();
  await svc?.close();
});

describe("reads", () => {
  test("the original shop's 8 categories, in order, with icon codes and product counts", async () => {
    const res = await svc.api("GET", "/api/v1/categories");
    assert.equal(res.status, 200);
    const { items, total, page, totalPages } = res.body;
    assert.deepEqual(
      items.map((c: Json) => [c.name, c.slug, c.iconCode]),
      [
        ["의류", "clothing", "shirt"],
        ["신발", "shoes", "sneaker"],
        ["가방", "bags", "handbag"],
        ["액세서리", "accessories", "ring"],
        ["뷰티", "beauty", "lipstick"],
        ["스포츠", "sports", "ball"],
        ["디지털", "digital", "headphones"],
        ["홈/리빙", "home", "sofa"],
      ],
    );
    assert.deepEqual([total, page, totalPages], [8, 1, 1]);
    assert.ok(items.every((c: Json) => c.productCount >= 8));
  });

  test("by id or slug; unknown is 404", async () => {
    const bySlug = await svc.api("GET", "/api/v1/categories/beauty");
    assert.equal(bySlug.status, 200);
    assert.deepEqual(
      (await svc.api("GET", `/api/v1/categories/${bySlug.body.id}`)).body,
      bySlug.body,
    );
    const missing = await svc.api("GET", "/api/v1/categories/garden");
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, "CATEGORY_NOT_FOUND");
  });
});

describe("admin writes", () => {
  test("create, rename and deactivate, with events", async () => {
    const customer = await svc.api("POST", "/api/v1/categories", {
      token: svc.tokens.customer,
      body: { name: "반려동물", iconCode: "paw" },
    });
    assert.equal(customer.status, 403);
    const created = await svc.api("POST", "/api/v1/categories", {
      token: svc.tokens.admin,
      body: { name: "반려동물", slug: "pets", iconCode: "paw", sortOrder: 90 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.productCount, 0);
    await waitFor(
      async () => events.messages.find((e) => e.type === "category.created" && e.slug === "pets"),
      2000,
      20,
    );

    const renamed = await svc.api("PATCH", `/api/v1/categories/${created.body.id}`, {
      token: svc.tokens.admin,
      body: { slug: "pet-goods", isActive: false },
    });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.slug, "pet-goods");
    const event = await waitFor(
      async () =>
        events.messages.find((e) => e.type === "category.updated" && e.id === created.body.id),
      2000,
      20,
    );
    assert.deepEqual([...event.categorySlugs].sort(), ["pet-goods", "pets"]);

    assert.equal(
      (await svc.api("GET", "/api/v1/categories/pet-goods")).status,
      404,
      "inactive is hidden from the public",
    );
    assert.equal(
      (await svc.api("GET", "/api/v1/categories/pet-goods", { token: svc.tokens.admin })).status,
      200,
    );
    const publicList = (await svc.api("GET", "/api/v1/categories?includeInactive=true")).body.items;
    assert.ok(!publicList.some((c: Json) => c.slug === "pet-goods"));
    const adminList = (
      await svc.api("GET", "/api/v1/categories?includeInactive=true", { token: svc.tokens.admin })
    ).body.items;
    assert.ok(adminList.some((c: Json) => c.slug === "pet-goods"));
  });

  test("validation and slug conflicts", async () => {
    const bad = await svc.api("POST", "/api/v1/categories", {
      token: svc.tokens.admin,
      body: { name: "", iconCode: "Bad Icon!" },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e: Json) => e.field).sort(), ["iconCode", "name"]);
    const taken = await svc.api("POST", "/api/v1/categories", {
      token: svc.tokens.admin,
      body: { name: "신발2", slug: "shoes", iconCode: "x" },
    });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, "CATEGORY_SLUG_TAKEN");
  });

  test("a category with products cannot be deleted; an empty one is soft-deleted", async () => {
    const shoes = (await svc.api("GET", "/api/v1/categories/shoes")).body;
    const refused = await svc.api("DELETE", `/api/v1/categories/${shoes.id}`, {
      token: svc.tokens.admin,
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, "CATEGORY_NOT_EMPTY");
    const empty = (
      await svc.api("POST", "/api/v1/categories", {
        token: svc.tokens.admin,
        body: { name: "임시", slug: "temp", iconCode: "box" },
      })
    ).body;
    assert.equal(
      (await svc.api("DELETE", `/api/v1/categories/${empty.id}`, { token: svc.tokens.admin }))
        .status,
      204,
    );
    assert.equal(
      (await svc.api("GET", `/api/v1/categories/${empty.id}`, { token: svc.tokens.admin })).status,
      404,
    );
    await waitFor(
      async () => events.messages.find((e) => e.type === "category.deleted" && e.id === empty.id),
      2000,
      20,
    );
    const reused = await svc.api("POST", "/api/v1/categories", {
      token: svc.tokens.admin,
      body: { name: "임시", slug: "temp", iconCode: "box" },
    });
    assert.equal(reused.status, 201, "a deleted category's slug can be used again");
  });
});
