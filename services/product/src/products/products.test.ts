// Product API reads on the seeded catalogue: pagination, every filter, every sort, search, validation.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestService, type Json, type TestService } from "../test-support.js";

let svc: TestService;
before(async () => {
  svc = await startTestService();
});
after(() => svc?.close());

const list = async (query: string): Promise<Json> => {
  const res = await svc.api("GET", `/api/v1/products${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
};

/** Every item of a filtered list, following the pages. */
const all = async (query: string): Promise<Json[]> => {
  const items: Json[] = [];
  for (let page = 1; ; page++) {
    const body = await list(`${query}${query ? "&" : "?"}limit=100&page=${page}`);
    items.push(...body.items);
    if (page >= body.totalPages) return items;
  }
};

const sorted = (values: number[], direction: 1 | -1) =>
  values.every((v, i) => i === 0 || (v - values[i - 1]!) * direction >= 0);

describe("pagination", () => {
  test("totals and pages cover the catalogue exactly once", async () => {
    const first = await list("?limit=10");
    assert.ok(first.total >= 60, `seeded ${first.total} products`);
    assert.equal(first.totalPages, Math.ceil(first.total / 10));
    assert.equal(first.items.length, 10);
    const seen = new Set<string>();
    for (let page = 1; page <= first.totalPages; page++) {
      const body = await list(`?limit=10&page=${page}`);
      assert.equal(body.total, first.total);
      body.items.forEach((p: Json) => seen.add(p.id));
      if (page === first.totalPages)
        assert.equal(body.items.length, first.total - 10 * (first.totalPages - 1));
    }
    assert.equal(seen.size, first.total);
  });

  test("a page past the end is empty but keeps the total", async () => {
    const body = await list("?limit=50&page=9");
    assert.deepEqual(body.items, []);
    assert.ok(body.total >= 60);
  });

  test("summaries carry integer KRW prices, discount, rating, main image and colour swatches", async () => {
    const body = await list("?limit=100");
    const jacket = body.items.find((p: Json) => p.slug === "casual-denim-jacket");
    assert.equal(jacket.price, 89000);
    assert.equal(jacket.originalPrice, 104706);
    assert.equal(jacket.discountRate, 15);
    assert.match(jacket.mainImageUrl, /^\/images\/[a-f0-9]{64}\.webp$/);
    assert.deepEqual(
      jacket.colours.map((c: Json) => c.hex),
      ["#3b6fd8", "#1e2a4a"],
    );
    assert.ok(
      body.items.every(
        (p: Json) => Number.isInteger(p.price) && typeof p.ratingAverage === "number",
      ),
    );
  });
});

describe("filters", () => {
  test("category by slug and by id give the same products, and only that category", async () => {
    const categories = (await svc.api("GET", "/api/v1/categories")).body.items;
    const shoes = categories.find((c: Json) => c.slug === "shoes");
    const bySlug = await all("?category=shoes");
    const byId = await all(`?category=${shoes.id}`);
    assert.equal(bySlug.length, shoes.productCount);
    assert.ok(bySlug.length >= 8);
    assert.deepEqual(bySlug.map((p) => p.id).sort(), byId.map((p) => p.id).sort());
    assert.ok(bySlug.every((p) => p.categoryId === shoes.id));
  });

  test("unknown category is a 404", async () => {
    const res = await svc.api("GET", "/api/v1/products?category=no-such-thing");
    assert.equal(res.status, 404);
    assert.equal(res.body.code, "CATEGORY_NOT_FOUND");
  });

  test("minPrice and maxPrice bound the price, inclusive", async () => {
    const items = await all("?minPrice=30000&maxPrice=60000");
    assert.ok(items.length > 0);
    assert.ok(items.every((p) => p.price >= 30000 && p.price <= 60000));
    const everything = await all("");
    assert.equal(
      items.length,
      everything.filter((p) => p.price >= 30000 && p.price <= 60000).length,
    );
  });

  test("onSale, isNew and featured select exactly the flagged products", async () => {
    const everything = await all("");
    const onSale = await all("?onSale=true");
    assert.equal(onSale.length, everything.filter((p) => p.originalPrice > p.price).length);
    assert.ok(onSale.length > 0 && onSale.every((p) => p.discountRate > 0));
    const notOnSale = await all("?onSale=false");
    assert.equal(notOnSale.length + onSale.length, everything.length);
    const fresh = await all("?isNew=true");
    assert.ok(fresh.length > 0 && fresh.every((p) => p.isNew));
    assert.equal(fresh.length, everything.filter((p) => p.isNew).length);
    const featured = await all("?featured=1");
    assert.ok(featured.length > 0 && featured.every((p) => p.isFeatured));
    assert.equal(featured.length, everything.filter((p) => p.isFeatured).length);
  });

  test("filters combine", async () => {
    const items = await all("?category=clothing&onSale=true&maxPrice=70000");
    assert.ok(items.length > 0);
    assert.ok(items.every((p) => p.price <= 70000 && p.originalPrice > p.price));
  });

  test("ids reads a batch in the order asked", async () => {
    const some = (await list("?limit=5&sort=price_asc")).items.map((p: Json) => p.id).reverse();
    const body = await list(`?ids=${some.join(",")}`);
    assert.deepEqual(
      body.items.map((p: Json) => p.id),
      some,
    );
    assert.equal(body.limit, 5);
  });
});

describe("sorting", () => {
  test("price_asc and price_desc", async () => {
    assert.ok(
      sorted(
        (await all("?sort=price_asc")).map((p) => p.price),
        1,
      ),
    );
    assert.ok(
      sorted(
        (await all("?sort=price_desc")).map((p) => p.price),
        -1,
      ),
    );
  });

  test("newest (also the default)", async () => {
    const newest = await all("?sort=newest");
    assert.ok(
      sorted(
        newest.map((p) => Date.parse(p.createdAt)),
        -1,
      ),
    );
    assert.deepEqual(
      (await all("")).map((p) => p.id),
      newest.map((p) => p.id),
    );
  });

  test("rating and popular", async () => {
    assert.ok(
      sorted(
        (await all("?sort=rating")).map((p) => p.ratingAverage),
        -1,
      ),
    );
    assert.ok(
      sorted(
        (await all("?sort=popular")).map((p) => p.salesCount),
        -1,
      ),
    );
  });
});

describe("search", () => {
  test("a Korean word finds it in names (substring, any position)", async () => {
    const items = await all(`?q=${encodeURIComponent("티셔츠")}`);
    assert.ok(items.some((p) => p.slug === "simple-tshirt"));
    assert.ok(
      items.every(
        (p) => p.name.includes("티") || p.slug.includes("tshirt") || p.slug.includes("tee"),
      ),
    );
  });

  test("brand and description are searched; every word must match", async () => {
    const brand = await all(`?q=${encodeURIComponent("구름발")}`);
    assert.ok(brand.length >= 2 && brand.every((p) => p.brand === "구름발"));
    const both = await all(`?q=${encodeURIComponent("가죽 숄더백")}`);
    assert.deepEqual(
      both.map((p) => p.slug),
      ["leather-shoulder-bag"],
    );
    const description = await all(`?q=${encodeURIComponent("SPF50")}`);
    assert.deepEqual(
      description.map((p) => p.slug),
      ["daily-sunscreen"],
    );
  });

  test("no match is an empty page; LIKE wildcards are literal", async () => {
    assert.equal((await list(`?q=${encodeURIComponent("없는상품이름")}`)).total, 0);
    // "%" matches only the descriptions that contain a literal "100%".
    assert.deepEqual((await all("?q=%25")).map((p) => p.slug).sort(), [
      "cotton-pillow-cover",
      "linen-shirt",
    ]);
    assert.equal((await list("?q=_")).total, 0);
  });

  test("search combines with filters and sort", async () => {
    const items = await all(`?q=${encodeURIComponent("스니커즈")}&category=shoes&sort=price_desc`);
    assert.ok(items.length >= 1 && items.every((p) => p.name.includes("스니커즈")));
  });
});

describe("validation", () => {
  for (const [query, field] of [
    ["limit=1000", "query.limit"],
    ["limit=0", "query.limit"],
    ["minPrice=-1", "query.minPrice"],
    ["sort=drop", "query.sort"],
    ["page=abc", "query.page"],
    ["onSale=maybe", "query.onSale"],
    ["minPrice=5000&maxPrice=1000", "query.maxPrice"],
    ["ids=1,2", "query.ids.0"],
  ]) {
    test(`${query} → 400 naming ${field}`, async () => {
      const res = await svc.api("GET", `/api/v1/products?${query}`);
      assert.equal(res.status, 400);
      assert.match(res.headers.get("content-type") ?? "", /application\/problem\+json/);
      assert.equal(res.body.code, "VALIDATION_FAILED");
      assert.ok(
        res.body.errors.some((e: Json) => e.field === field),
        JSON.stringify(res.body.errors),
      );
    });
  }

  test("several bad values are all reported", async () => {
    const res = await svc.api("GET", "/api/v1/products?limit=1000&minPrice=-1&sort=drop");
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors.map((e: Json) => e.field).sort(), [
      "query.limit",
      "query.minPrice",
      "query.sort",
    ]);
  });

  test("status other than active is admin-only", async () => {
    assert.equal((await svc.api("GET", "/api/v1/products?status=draft")).status, 403);
    assert.equal(
      (await svc.api("GET", "/api/v1/products?status=all", { token: svc.tokens.admin })).status,
      200,
    );
  });
});

describe("product detail", () => {
  test("by slug and by id, with options, images and category", async () => {
    const bySlug = await svc.api("GET", "/api/v1/products/simple-tshirt");
    assert.equal(bySlug.status, 200);
    const product = bySlug.body;
    assert.equal(product.category.slug, "clothing");
    assert.ok(
      product.options.some((o: Json) => o.type === "colour" && /^#[0-9a-f]{6}$/.test(o.hex)),
    );
    assert.deepEqual(
      product.options.filter((o: Json) => o.type === "size").map((o: Json) => o.value),
      ["S", "M", "L", "XL"],
    );
    assert.ok(product.images.length >= 1 && product.images[0].isMain);
    assert.equal(product.images[0].width, 600);
    const byId = await svc.api("GET", `/api/v1/products/${product.id}`);
    assert.deepEqual(byId.body, product);
  });

  test("unknown id or slug is a 404 problem", async () => {
    for (const key of ["no-such-product", "00000000-0000-4000-8000-000000000000"]) {
      const res = await svc.api("GET", `/api/v1/products/${key}`);
      assert.equal(res.status, 404);
      assert.equal(res.body.code, "PRODUCT_NOT_FOUND");
    }
  });
});
