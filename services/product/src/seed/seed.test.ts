// The seed plan: what the issue asks for (8 categories, ≥ 60 products with options, images and
// reviews, no real brands) and the same rows on every run.
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSeedPlan, seedUuid } from "./seed-plan.js";
import { renderProductImage } from "./seed-images.js";

test("8 categories and at least 60 products spread over them", () => {
  const plan = buildSeedPlan();
  assert.equal(plan.categories.length, 8);
  assert.ok(plan.products.length >= 60);
  for (const category of plan.categories) {
    assert.ok(plan.products.filter((p) => p.categoryId === category.id).length >= 7, category.slug);
  }
});

test("every product has options, at least one image and a few reviews with matching aggregates", () => {
  const plan = buildSeedPlan();
  for (const product of plan.products) {
    assert.ok(
      plan.options.some((o) => o.productId === product.id),
      `${product.slug} has options`,
    );
    assert.ok(
      plan.images.some((i) => i.productId === product.id),
      `${product.slug} has an image`,
    );
    const reviews = plan.reviews.filter((r) => r.productId === product.id);
    assert.ok(reviews.length >= 2, `${product.slug} has reviews`);
    assert.equal(product.reviewCount, reviews.length);
    assert.equal(
      product.ratingTotal,
      reviews.reduce((sum, r) => sum + Number(r.rating), 0),
    );
    assert.ok(Number(product.originalPrice) >= Number(product.price));
  }
  const discounted = plan.products.filter((p) => Number(p.originalPrice) > Number(p.price));
  assert.ok(discounted.length >= 10 && discounted.length < plan.products.length);
  assert.ok(plan.products.some((p) => p.isNew) && plan.products.some((p) => p.isFeatured));
  const pairs = new Set(plan.reviews.map((r) => `${r.memberId}:${r.productId}`));
  assert.equal(pairs.size, plan.reviews.length, "one review per member and product");
});

test("deterministic: the same ids, stocks and ratings every time", () => {
  assert.deepEqual(buildSeedPlan(), buildSeedPlan());
  assert.equal(seedUuid("product:simple-tshirt"), seedUuid("product:simple-tshirt"));
  assert.match(
    seedUuid("x"),
    /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
});

test("a product picture renders to the same WebP bytes every time", async () => {
  const a = await renderProductImage("shirt", "#c0392b", 1);
  const b = await renderProductImage("shirt", "#c0392b", 1);
  assert.equal(a.width, 600);
  assert.ok(a.data.equals(b.data));
  assert.equal(a.data.subarray(8, 12).toString("latin1"), "WEBP");
});
