// Reviews: listing with the rating summary, customers writing one review per product, aggregates
// kept in step (also under concurrency), and the latest reviews across the shop.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { startTestService, type Json, type TestService } from "../test-support.js";

let svc: TestService;
before(async () => {
  svc = await startTestService();
});
after(() => svc?.close());

const product = async (slug: string) => (await svc.api("GET", `/api/v1/products/${slug}`)).body;

describe("reading", () => {
  test("a product's reviews, newest first, with a summary matching the product's aggregates", async () => {
    const p = await product("simple-tshirt");
    const res = await svc.api("GET", `/api/v1/products/${p.id}/reviews?limit=2`);
    assert.equal(res.status, 200);
    const { items, total, totalPages, summary } = res.body;
    assert.equal(total, p.reviewCount);
    assert.equal(totalPages, Math.ceil(total / 2));
    assert.ok(
      items.length <= 2 &&
        items.every((r: Json) => r.productId === p.id && r.rating >= 1 && r.rating <= 5),
    );
    assert.ok(Date.parse(items[0].createdAt) >= Date.parse(items[items.length - 1].createdAt));
    assert.equal(summary.count, p.reviewCount);
    assert.equal(summary.average, p.ratingAverage);
    assert.equal(
      Object.values(summary.distribution as Record<string, number>).reduce((a, b) => a + b, 0),
      p.reviewCount,
    );
  });

  test("by slug works too; unknown product is 404", async () => {
    assert.equal((await svc.api("GET", "/api/v1/products/simple-tshirt/reviews")).status, 200);
    assert.equal((await svc.api("GET", "/api/v1/products/nothing-here/reviews")).status, 404);
  });

  test("latest reviews across the shop carry their product, filtered by minimum rating", async () => {
    const res = await svc.api("GET", "/api/v1/reviews?limit=5&minRating=5");
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 5);
    for (const review of res.body.items) {
      assert.equal(review.rating, 5);
      assert.equal(review.product.id, review.productId);
      assert.ok(review.product.name && review.product.slug);
      assert.match(review.product.mainImageUrl, /^\/images\//);
    }
    const times = res.body.items.map((r: Json) => Date.parse(r.createdAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const all = await svc.api("GET", "/api/v1/reviews?limit=1");
    assert.ok(all.body.total > res.body.total);
    assert.equal((await svc.api("GET", "/api/v1/reviews?minRating=6")).status, 400);
  });
});

describe("writing", () => {
  test("a customer reviews once; the author name comes from the token; aggregates follow", async () => {
    const before = await product("canvas-sneakers");
    const token = await svc.mint({ sub: randomUUID(), role: "customer", name: "박서준" });
    const res = await svc.api("POST", `/api/v1/products/${before.id}/reviews`, {
      token,
      body: { rating: 1, text: "사이즈가 너무 작아요. 한 치수 크게 주문하세요." },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.authorName, "박서준");
    const after = await product("canvas-sneakers");
    assert.equal(after.reviewCount, before.reviewCount + 1);
    const total = before.ratingAverage * before.reviewCount + 1;
    assert.ok(Math.abs(after.ratingAverage - total / after.reviewCount) < 0.01);
    const twice = await svc.api("POST", `/api/v1/products/${before.id}/reviews`, {
      token,
      body: { rating: 5, text: "다시 써봅니다 좋아요" },
    });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, "REVIEW_ALREADY_EXISTS");
    assert.equal((await product("canvas-sneakers")).reviewCount, before.reviewCount + 1);
  });

  test("guests and anonymous callers cannot review (anonymous 401, a guest token 403)", async () => {
    const p = await product("canvas-sneakers");
    const body = { rating: 5, text: "좋아요 좋아요" };
    assert.equal((await svc.api("POST", `/api/v1/products/${p.id}/reviews`, { body })).status, 401);
    assert.equal(
      (await svc.api("POST", `/api/v1/products/${p.id}/reviews`, { token: svc.tokens.guest, body }))
        .status,
      403,
    );
  });

  test("bad rating or text is a 400 naming the field", async () => {
    const p = await product("canvas-sneakers");
    const res = await svc.api("POST", `/api/v1/products/${p.id}/reviews`, {
      token: svc.tokens.customer,
      body: { rating: 6, text: "x" },
    });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors.map((e: Json) => e.field).sort(), ["rating", "text"]);
  });

  test("40 concurrent reviews from different customers all count", async () => {
    const before = await product("yoga-mat");
    const ratings = Array.from({ length: 40 }, (_, i) => (i % 5) + 1);
    const results = await Promise.all(
      ratings.map(async (rating) =>
        svc.api("POST", `/api/v1/products/${before.id}/reviews`, {
          token: await svc.mint({ sub: randomUUID(), role: "customer", name: "동시 작성자" }),
          body: { rating, text: "동시에 작성한 리뷰입니다" },
        }),
      ),
    );
    assert.ok(results.every((r) => r.status === 201));
    const after = await product("yoga-mat");
    assert.equal(after.reviewCount, before.reviewCount + 40);
    const expected =
      (before.ratingAverage * before.reviewCount + ratings.reduce((a, b) => a + b, 0)) /
      after.reviewCount;
    assert.ok(
      Math.abs(after.ratingAverage - expected) < 0.01,
      `${after.ratingAverage} vs ${expected}`,
    );
    const listed = await svc.api("GET", `/api/v1/products/${before.id}/reviews?limit=100`);
    assert.equal(listed.body.total, after.reviewCount);
  });
});
