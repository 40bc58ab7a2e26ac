import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { png } from "../testing/png.js";
import { startBffStack, type BffStack } from "../testing/stack.js";

describe("POST /api/products (admin form) against the real product service", () => {
  let stack: BffStack;
  let admin: string;
  let shoesId: string;

  before(async () => {
    stack = await startBffStack();
    admin = `Bearer ${await stack.issuer.sign({ sub: randomUUID(), role: "admin" })}`;
    const categories = (
      await stack.app.inject({ method: "GET", url: "/api/categories?limit=1" })
    ).json();
    shoesId = categories.categories.find((c: { slug: string }) => c.slug === "shoes").id;
  });
  after(() => stack.close());

  function form(
    fields: Record<string, string>,
    files: Array<{ name?: string; data: Buffer; type?: string }>,
  ) {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(key, value);
    for (const file of files)
      body.append(
        "images",
        new Blob([new Uint8Array(file.data)], { type: file.type ?? "image/png" }),
        file.name ?? "photo.png",
      );
    return body;
  }
  async function post(body: FormData, authorization?: string) {
    const request = new Request("http://bff.test/api/products", { method: "POST", body });
    return stack.app.inject({
      method: "POST",
      url: "/api/products",
      headers: {
        "content-type": request.headers.get("content-type")!,
        ...(authorization ? { authorization } : {}),
      },
      payload: Buffer.from(await request.arrayBuffer()),
    });
  }
  const valid = () => ({
    name: "테스트 러닝화",
    brand: "구름발",
    categoryId: shoesId,
    price: "99000",
    originalPrice: "129000",
    stock: "12",
    isNew: "true",
    description: "관리자 화면에서 만든 상품",
    options: JSON.stringify([
      { type: "colour", value: "black", label: "블랙", hex: "#111111", stock: 7 },
      { type: "colour", value: "white", label: "화이트", hex: "#fafafa", stock: 5 },
    ]),
  });

  it("uploads the images, creates the product with them and answers 201 with it", async () => {
    stack.proxy.reset();
    const res = await post(
      form(valid(), [
        { data: png(64, 48) },
        { data: png(32, 32, [10, 120, 200]), name: "side.png" },
      ]),
      admin,
    );
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.equal(created.name, "테스트 러닝화");
    assert.equal(created.price, 99_000);
    assert.equal(created.discountRate, 23);
    assert.equal(created.isNew, true);
    assert.equal(created.images.length, 2);
    assert.equal(created.options.length, 2);
    assert.match(created.mainImageUrl, /^\/images\//);
    assert.deepEqual(stack.proxy.calls, ["POST /api/v1/images", "POST /api/v1/products"]);

    const page = await stack.app.inject({
      method: "GET",
      url: `/api/products/${encodeURIComponent(created.slug)}`,
    });
    assert.equal(page.statusCode, 200);
    assert.equal(page.json().product.id, created.id);
    const grid = (
      await stack.app.inject({
        method: "GET",
        url: "/api/categories?category=shoes&sort=newest&limit=1",
      })
    ).json();
    assert.equal(
      grid.products.items[0].id,
      created.id,
      "the new product leads its category, newest first",
    );
  });

  it("answers 400 with every bad field before uploading anything", async () => {
    stack.proxy.reset();
    const fields = {
      ...valid(),
      name: "",
      price: "-5",
      originalPrice: "10",
      isNew: "maybe",
      options: "[{]",
    };
    const res = await post(form(fields, []), admin);
    assert.equal(res.statusCode, 400);
    const problem = res.json();
    assert.equal(problem.code, "VALIDATION_FAILED");
    const fieldsWithErrors = problem.errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fieldsWithErrors, ["images", "isNew", "name", "options", "price"]);
    assert.deepEqual(stack.proxy.calls, [], "nothing was uploaded");
  });

  it("points at the images field when an upload is not an image", async () => {
    const res = await post(
      form(valid(), [{ data: Buffer.from("%PDF-1.7 not an image"), name: "cv.png" }]),
      admin,
    );
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().code, "IMAGE_INVALID");
    assert.equal(res.json().errors[0].field, "images");
  });

  it("refuses an image over the size limit with 413", async () => {
    const big = Buffer.concat([png(8, 8), Buffer.alloc(5 * 1024 * 1024)]);
    const res = await post(form(valid(), [{ data: big }]), admin);
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().code, "IMAGE_TOO_LARGE");
  });

  it("needs a signed-in admin: 401 without a token, 403 for a customer (checked by the product service)", async () => {
    const anonymous = await post(form(valid(), [{ data: png(8, 8) }]));
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().code, "AUTH_REQUIRED");
    stack.proxy.reset();
    const customer = `Bearer ${await stack.issuer.sign({ sub: randomUUID(), role: "customer" })}`;
    const res = await post(form(valid(), [{ data: png(8, 8) }]), customer);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, "FORBIDDEN");
    assert.deepEqual(
      stack.proxy.calls,
      ["POST /api/v1/images"],
      "the upload was refused, nothing was created",
    );
  });

  it("passes on the create error after a successful upload (the images are left for the product service's sweep)", async () => {
    stack.proxy.reset();
    const res = await post(
      form({ ...valid(), categoryId: randomUUID() }, [{ data: png(8, 8) }]),
      admin,
    );
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode} ${res.body}`);
    assert.equal(res.json().code, "VALIDATION_FAILED");
    assert.deepEqual(
      res.json().errors.map((e: { field: string }) => e.field),
      ["categoryId"],
    );
    assert.deepEqual(stack.proxy.calls, ["POST /api/v1/images", "POST /api/v1/products"]);
  });

  it("rejects a body that is not a multipart form", async () => {
    const res = await stack.app.inject({
      method: "POST",
      url: "/api/products",
      headers: { authorization: admin },
      payload: { name: "x" },
    });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().code, "UNSUPPORTED_MEDIA_TYPE");
  });
});
