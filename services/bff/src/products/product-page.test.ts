import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startBffStack, type BffStack } from "../testing/stack.js";

describe("GET /api/products/:idOrSlug against the real product service", () => {
  let stack: BffStack;

  before(async () => {
    stack = await startBffStack();
  });
  after(() => stack.close());

  const get = (idOrSlug: string) =>
    stack.app.inject({ method: "GET", url: `/api/products/${idOrSlug}` });

  it("answers product, options, images, rating summary, latest reviews and related products", async () => {
    stack.proxy.reset();
    const res = await get("simple-tshirt");
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["cache-control"], "public, s-maxage=300");
    const page = res.json();
    assert.deepEqual(Object.keys(page).sort(), [
      "degraded",
      "images",
      "options",
      "product",
      "rating",
      "related",
      "reviews",
    ]);
    assert.equal(page.product.slug, "simple-tshirt");
    assert.equal(page.product.price, 29_000);
    assert.ok(
      page.options.length > 0 &&
        page.options.every((o: { type: string }) => ["colour", "size"].includes(o.type)),
    );
    assert.ok(
      page.images.length > 0 &&
        page.images.every((i: { url: string }) => i.url.startsWith("/images/")),
    );
    const { average, count, distribution } = page.rating;
    assert.equal(count, page.product.reviewCount);
    assert.equal(average, page.product.ratingAverage);
    assert.equal(
      Object.values(distribution as Record<string, number>).reduce((a, b) => a + b, 0),
      count,
    );
    assert.ok(page.reviews.length > 0 && page.reviews.length <= 5);
    const dates = page.reviews.map((r: { createdAt: string }) => r.createdAt);
    assert.deepEqual(dates, [...dates].sort().reverse(), "latest first");
    assert.ok(page.related.length > 0 && page.related.length <= 8);
    assert.ok(
      page.related.every(
        (p: { id: string; categoryId: string }) =>
          p.categoryId === page.product.categoryId && p.id !== page.product.id,
      ),
    );
    assert.deepEqual(page.degraded, []);
    assert.equal(stack.proxy.calls.length, 3, stack.proxy.calls.join("\n"));

    const byId = await get(page.product.id);
    assert.equal(byId.json().product.slug, "simple-tshirt");
  });

  it("answers 404 PRODUCT_NOT_FOUND for an unknown product and 400 for a malformed id", async () => {
    for (const id of ["no-such-product", "00000000-0000-4000-8000-000000000000"]) {
      const res = await get(id);
      assert.equal(res.statusCode, 404, id);
      assert.equal(res.json().code, "PRODUCT_NOT_FOUND");
      assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
    }
    const bad = await get("bad%20id!");
    assert.equal(bad.statusCode, 400);
  });

  it("leaves reviews or related products empty when only they fail, and is then not cacheable", async () => {
    stack.proxy.reset();
    stack.proxy.failing.add("/api/v1/products?");
    stack.proxy.failing.add("/api/v1/products/simple-tshirt/reviews");
    const res = await get("simple-tshirt");
    stack.proxy.reset();
    assert.equal(res.statusCode, 200);
    const page = res.json();
    assert.equal(page.product.slug, "simple-tshirt");
    assert.deepEqual(page.degraded.sort(), ["related", "reviews"]);
    assert.deepEqual([page.related, page.reviews], [[], []]);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(res.headers["x-degraded"], "reviews, related");
  });

  it("fails with the product's own error when the product itself cannot be read", async () => {
    stack.proxy.failing.add("/api/v1/products/simple-tshirt");
    const res = await get("simple-tshirt");
    stack.proxy.reset();
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().code, "UPSTREAM_UNAVAILABLE");
  });
});
