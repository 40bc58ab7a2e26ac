import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startBffStack, type BffStack } from "../testing/stack.js";

type Product = {
  id: string;
  price: number;
  originalPrice: number;
  discountRate: number;
  categoryId: string;
  isNew: boolean;
};

describe("GET /api/categories against the real product service", () => {
  let stack: BffStack;

  before(async () => {
    stack = await startBffStack();
  });
  after(() => stack.close());

  const get = (query: string) =>
    stack.app.inject({ method: "GET", url: `/api/categories${query}` });

  it("answers the categories, the selected one, a page of its products and the normalised filters", async () => {
    const res = await get("?category=shoes&limit=5");
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["cache-control"], "public, s-maxage=300");
    const body = res.json();
    assert.equal(body.categories.length, 8);
    assert.equal(body.selected.slug, "shoes");
    assert.equal(body.products.items.length, 5);
    assert.ok(body.products.items.every((p: Product) => p.categoryId === body.selected.id));
    assert.deepEqual(
      [body.products.page, body.products.limit, body.products.total, body.products.totalPages],
      [1, 5, 8, 2],
    );
    assert.deepEqual(body.filters, {
      category: "shoes",
      page: 1,
      limit: 5,
      sort: "newest",
      minPrice: null,
      maxPrice: null,
      q: null,
      onSale: null,
      isNew: null,
      featured: null,
    });
    const byId = await get(`?category=${body.selected.id}&limit=5`);
    assert.equal(
      byId.json().filters.category,
      "shoes",
      "an id and a slug select the same category",
    );
    const second = (await get("?category=shoes&limit=5&page=2")).json();
    assert.equal(second.products.items.length, 3);
  });

  it("lists every product without a category, and filters, sorts and searches in the product service", async () => {
    const all = (await get("?limit=100")).json();
    assert.equal(all.selected, null);
    assert.equal(all.products.total, 64);

    const sale = (await get("?onSale=true&sort=price_asc&limit=100")).json();
    assert.ok(sale.products.total > 0 && sale.products.total < 64);
    const prices = sale.products.items.map((p: Product) => p.price);
    assert.deepEqual(
      prices,
      [...prices].sort((a, b) => a - b),
    );
    assert.ok(
      sale.products.items.every((p: Product) => p.originalPrice > p.price && p.discountRate > 0),
    );

    const band = (await get("?minPrice=30000&maxPrice=60000&sort=price_desc&limit=100")).json();
    assert.ok(band.products.items.every((p: Product) => p.price >= 30_000 && p.price <= 60_000));
    assert.deepEqual(band.filters.minPrice, 30_000);

    const search = (await get("?q=%20%EC%8A%AC%EB%A6%BD%EC%98%A8%20")).json();
    assert.equal(search.filters.q, "슬립온");
    assert.ok(search.products.items.some((p: { slug: string }) => p.slug === "daily-slip-on"));

    const fresh = (await get("?category=clothing&isNew=true")).json();
    assert.ok(
      fresh.products.items.length > 0 && fresh.products.items.every((p: Product) => p.isNew),
    );
  });

  it("answers 400 with field errors for bad query values", async () => {
    const cases: Array<[string, string]> = [
      ["?limit=1000", "query.limit"],
      ["?limit=0", "query.limit"],
      ["?page=abc", "query.page"],
      ["?minPrice=-1", "query.minPrice"],
      ["?minPrice=1.5", "query.minPrice"],
      ["?sort=drop", "query.sort"],
      ["?onSale=maybe", "query.onSale"],
      ["?minPrice=50000&maxPrice=100", "query.maxPrice"],
      ["?category=../../etc", "query.category"],
      [`?q=${"x".repeat(101)}`, "query.q"],
    ];
    for (const [query, field] of cases) {
      const res = await get(query);
      assert.equal(res.statusCode, 400, query);
      assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
      const problem = res.json();
      assert.equal(problem.code, "VALIDATION_FAILED");
      assert.ok(
        problem.errors.some((e: { field: string }) => e.field === field),
        `${query}: ${JSON.stringify(problem.errors)}`,
      );
    }
  });

  it("answers 404 CATEGORY_NOT_FOUND for an unknown category", async () => {
    const res = await get("?category=spaceships");
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, "CATEGORY_NOT_FOUND");
  });
});
