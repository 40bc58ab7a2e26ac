// Product writes: who may write, create with options and uploaded images, update, soft delete, events.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import { CATALOG_EVENTS_CHANNEL } from "@shop/contracts";
import { waitFor } from "@shop/test-kit";
import { listen, startTestService, type Json, type TestService } from "../test-support.js";

let svc: TestService;
let events: Awaited<ReturnType<typeof listen>>;
let clothingId: string;

before(async () => {
  svc = await startTestService();
  events = await listen(svc.redis.url, svc.redis.prefix + CATALOG_EVENTS_CHANNEL);
  clothingId = (await svc.api("GET", "/api/v1/categories/clothing")).body.id;
});
after(async () => {
  await events?.stop();
  await svc?.close();
});

const png = (colour: string) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
    .png()
    .toBuffer();

async function upload(...colours: string[]): Promise<Json[]> {
  const form = new FormData();
  for (const colour of colours)
    form.append("files", new Blob([await png(colour)], { type: "image/png" }), `${colour}.png`);
  const res = await svc.api("POST", "/api/v1/images", { token: svc.tokens.admin, form });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.items;
}

const newProduct = (overrides: Record<string, unknown> = {}) => ({
  name: "테스트 린넨 팬츠",
  brand: "테스트브랜드",
  description: "여름용 린넨 팬츠",
  categoryId: clothingId,
  price: 39000,
  originalPrice: 49000,
  options: [
    { type: "colour", value: "black", label: "블랙", hex: "#111111", stock: 5 },
    { type: "colour", value: "beige", label: "베이지", hex: "#D8C3A5", stock: 7 },
    { type: "size", value: "M", stock: 6, extraPrice: 0 },
    { type: "size", value: "L", stock: 6, extraPrice: 2000 },
  ],
  ...overrides,
});

const eventFor = (type: string, id: string) =>
  waitFor(async () => events.messages.find((e) => e.type === type && e.id === id), 2000, 20);

describe("who may write", () => {
  test("no token → 401; a guest or a customer token → 403 (the platform's one rule, as at the gateway)", async () => {
    const anonymous = await svc.api("POST", "/api/v1/products", { body: newProduct() });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.code, "AUTH_REQUIRED");
    const guest = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.guest,
      body: newProduct(),
    });
    assert.equal(guest.status, 403);
    assert.equal(guest.body.code, "FORBIDDEN");
    const customer = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.customer,
      body: newProduct(),
    });
    assert.equal(customer.status, 403);
    assert.equal(customer.body.code, "FORBIDDEN");
  });

  test("a customer cannot delete, change or upload; a bad token is 401", async () => {
    const id = (await svc.api("GET", "/api/v1/products/simple-tshirt")).body.id;
    assert.equal(
      (await svc.api("DELETE", `/api/v1/products/${id}`, { token: svc.tokens.customer })).status,
      403,
    );
    assert.equal(
      (
        await svc.api("PATCH", `/api/v1/products/${id}`, {
          token: svc.tokens.customer,
          body: { price: 1 },
        })
      ).status,
      403,
    );
    assert.equal(
      (
        await svc.api("POST", "/api/v1/images", {
          token: svc.tokens.customer,
          form: new FormData(),
        })
      ).status,
      403,
    );
    const tampered = `${svc.tokens.admin.slice(0, -4)}AAAA`;
    const res = await svc.api("DELETE", `/api/v1/products/${id}`, { token: tampered });
    assert.equal(res.status, 401);
    assert.equal(res.body.code, "AUTH_TOKEN_INVALID");
    assert.equal((await svc.api("GET", "/api/v1/products/simple-tshirt")).status, 200);
  });
});

describe("create", () => {
  test("with options and uploaded images; event published", async () => {
    const images = await upload("#ff0000", "#00ff00");
    assert.ok(images.every((i) => i.productId === null && i.url.startsWith("/images/")));
    const res = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.admin,
      body: newProduct({ imageIds: images.map((i) => i.id), isNew: true }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const product = res.body;
    assert.equal(product.slug, "테스트-린넨-팬츠");
    assert.equal(product.discountRate, 20);
    assert.equal(product.stock, 12, "defaults to the sum of the first option type");
    assert.deepEqual(
      product.images.map((i: Json) => [i.id, i.isMain]),
      [
        [images[0].id, true],
        [images[1].id, false],
      ],
    );
    assert.equal(product.mainImageUrl, images[0].url);
    assert.equal(product.options.find((o: Json) => o.value === "beige").hex, "#d8c3a5");
    const event = await eventFor("product.created", product.id);
    assert.equal(event.slug, product.slug);
    assert.deepEqual(event.categorySlugs, ["clothing"]);
    const listed = await svc.api("GET", `/api/v1/products?category=clothing&isNew=true&limit=100`);
    assert.ok(listed.body.items.some((p: Json) => p.id === product.id));
  });

  test("invalid fields → 400 with each field named", async () => {
    const res = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.admin,
      body: {
        name: "",
        price: -5,
        brand: "b",
        categoryId: clothingId,
        originalPrice: 10,
        options: [{ type: "weight", value: "x", stock: 1 }],
      },
    });
    assert.equal(res.status, 400);
    const fields = res.body.errors.map((e: Json) => e.field);
    for (const field of ["name", "price", "options.0.type"])
      assert.ok(fields.includes(field), fields.join());
    const id = "00000000-0000-4000-8000-000000000001";
    const twice = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.admin,
      body: newProduct({ imageIds: [id, id] }),
    });
    assert.equal(twice.status, 400);
    assert.equal(twice.body.errors[0].field, "imageIds.1");
  });

  test("unknown category, already attached image and duplicate slug are refused", async () => {
    const badCategory = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.admin,
      body: newProduct({ categoryId: "nope" }),
    });
    assert.equal(badCategory.status, 400);
    assert.equal(badCategory.body.errors[0].field, "categoryId");
    const tshirt = (await svc.api("GET", "/api/v1/products/simple-tshirt")).body;
    const taken = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.admin,
      body: newProduct({ slug: "another", imageIds: [tshirt.images[0].id] }),
    });
    assert.equal(taken.status, 400);
    assert.equal(taken.body.errors[0].field, "imageIds.0");
    const duplicate = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.admin,
      body: newProduct({ slug: "simple-tshirt" }),
    });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.code, "PRODUCT_SLUG_TAKEN");
    assert.equal(
      (await svc.api("GET", "/api/v1/products?q=another")).body.total,
      0,
      "nothing half-created",
    );
  });

  test("the same name twice gets a unique generated slug", async () => {
    const a = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.admin,
      body: newProduct({ name: "쌍둥이 상품" }),
    });
    const b = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.admin,
      body: newProduct({ name: "쌍둥이 상품" }),
    });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.body.slug, b.body.slug);
  });
});

describe("update and delete", () => {
  test("fields, option set and image order change; before/after categories in the event", async () => {
    const images = await upload("#123456", "#654321");
    const created = (
      await svc.api("POST", "/api/v1/products", {
        token: svc.tokens.admin,
        body: newProduct({ name: "수정할 상품", imageIds: [images[0].id] }),
      })
    ).body;
    const keep = created.options.find((o: Json) => o.value === "black");
    const res = await svc.api("PUT", `/api/v1/products/${created.id}`, {
      token: svc.tokens.admin,
      body: {
        price: 35000,
        categoryId: "shoes",
        options: [
          { id: keep.id, type: "colour", value: "black", hex: "#000000", stock: 9 },
          { type: "size", value: "260", stock: 9 },
        ],
        imageIds: [images[1].id, images[0].id],
      },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const product = res.body;
    assert.equal(product.price, 35000);
    assert.equal(product.originalPrice, 49000, "the original price is kept");
    assert.equal(product.category.slug, "shoes");
    assert.deepEqual(
      product.options.map((o: Json) => o.value),
      ["black", "260"],
    );
    assert.equal(product.options[0].id, keep.id);
    assert.deepEqual(
      product.images.map((i: Json) => i.id),
      [images[1].id, images[0].id],
    );
    assert.equal(product.images[0].isMain, true);
    const event = await eventFor("product.updated", created.id);
    assert.deepEqual([...event.categorySlugs].sort(), ["clothing", "shoes"]);
  });

  test("price below the original price rule and unknown option ids are 400s", async () => {
    const id = (await svc.api("GET", "/api/v1/products/canvas-sneakers")).body.id;
    const price = await svc.api("PATCH", `/api/v1/products/${id}`, {
      token: svc.tokens.admin,
      body: { originalPrice: 100 },
    });
    assert.equal(price.status, 400);
    const option = await svc.api("PATCH", `/api/v1/products/${id}`, {
      token: svc.tokens.admin,
      body: {
        options: [
          { id: "00000000-0000-4000-8000-000000000000", type: "size", value: "x", stock: 1 },
        ],
      },
    });
    assert.equal(option.status, 400);
    assert.equal(option.body.errors[0].field, "options.0.id");
    const empty = await svc.api("PATCH", `/api/v1/products/${id}`, {
      token: svc.tokens.admin,
      body: {},
    });
    assert.equal(empty.status, 400);
  });

  test("soft delete hides the product everywhere and frees its slug; event published", async () => {
    const created = (
      await svc.api("POST", "/api/v1/products", {
        token: svc.tokens.admin,
        body: newProduct({ slug: "to-delete" }),
      })
    ).body;
    const res = await svc.api("DELETE", `/api/v1/products/${created.id}`, {
      token: svc.tokens.admin,
    });
    assert.equal(res.status, 204);
    assert.equal((await svc.api("GET", `/api/v1/products/${created.id}`)).status, 404);
    assert.equal(
      (await svc.api("GET", `/api/v1/products/to-delete`, { token: svc.tokens.admin })).status,
      404,
    );
    assert.equal((await svc.api("GET", `/api/v1/products?ids=${created.id}`)).body.total, 0);
    assert.equal(
      (await svc.api("DELETE", `/api/v1/products/${created.id}`, { token: svc.tokens.admin }))
        .status,
      404,
    );
    const event = await eventFor("product.deleted", created.id);
    assert.equal(event.slug, "to-delete");
    const again = await svc.api("POST", "/api/v1/products", {
      token: svc.tokens.admin,
      body: newProduct({ slug: "to-delete" }),
    });
    assert.equal(again.status, 201);
  });

  test("drafts are hidden from the public and visible to admins", async () => {
    const draft = (
      await svc.api("POST", "/api/v1/products", {
        token: svc.tokens.admin,
        body: newProduct({ status: "draft", slug: "draft-item" }),
      })
    ).body;
    assert.equal((await svc.api("GET", "/api/v1/products/draft-item")).status, 404);
    assert.equal(
      (await svc.api("GET", "/api/v1/products/draft-item", { token: svc.tokens.admin })).status,
      200,
    );
    const publicList = await svc.api("GET", `/api/v1/products?ids=${draft.id}`);
    assert.equal(publicList.body.total, 0);
    const adminList = await svc.api("GET", `/api/v1/products?ids=${draft.id}&status=draft`, {
      token: svc.tokens.admin,
    });
    assert.equal(adminList.body.total, 1);
  });
});
