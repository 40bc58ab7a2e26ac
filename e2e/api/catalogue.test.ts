// Issue 4 end to end: catalogue queries through the gateway, the gateway's response cache, and
// an admin's edit reaching /api/home, the product page and the edge's HTML within a second.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { logLinesWith, logsFlushed, stack } from "../harness.js";
import { createProduct, updateProduct } from "./lib/fixtures.js";
import { assertProblem, call, edge, gateway, within, type Answer } from "./lib/http.js";

interface Summary {
  id: string;
  name: string;
  slug: string;
  categoryId: string;
  price: number;
  originalPrice: number;
  isNew: boolean;
  isFeatured: boolean;
  ratingAverage: number;
}
interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}
interface CategoriesPage {
  selected: { slug: string; id: string } | null;
  products: Page<Summary>;
}

const products = (query: string) => call<Page<Summary>>(gateway(), `/api/v1/products?${query}`);

function assertPage(res: Answer<Page<Summary>>, limit: number) {
  assert.equal(res.status, 200, res.text);
  const page = res.body;
  assert.ok(page.items.length <= limit);
  assert.equal(page.limit, limit);
  assert.equal(page.totalPages, Math.ceil(page.total / limit));
  for (const item of page.items)
    assert.ok(
      Number.isInteger(item.price) && Number.isInteger(item.originalPrice),
      "prices are integer KRW",
    );
  return page;
}

describe("issue 4: catalogue queries through the gateway", () => {
  it("filters by category, price, sale, new and featured; every item matches and the totals agree", async () => {
    const categories = await call<Page<{ id: string; slug: string; productCount: number }>>(
      gateway(),
      "/api/v1/categories",
    );
    assert.equal(categories.body.items.length, 8);
    const shoes = categories.body.items.find((c) => c.slug === "shoes")!;
    const byCategory = assertPage(await products("category=shoes&limit=100"), 100);
    assert.ok(byCategory.total >= 8);
    assert.equal(byCategory.total, shoes.productCount);
    assert.ok(byCategory.items.every((p) => p.categoryId === shoes.id));

    const priced = assertPage(await products("minPrice=20000&maxPrice=50000&limit=100"), 100);
    assert.ok(
      priced.total > 0 && priced.items.every((p) => p.price >= 20_000 && p.price <= 50_000),
    );
    const onSale = assertPage(await products("onSale=true&limit=100"), 100);
    assert.ok(onSale.total > 0 && onSale.items.every((p) => p.originalPrice > p.price));
    const fresh = assertPage(await products("isNew=true&limit=100"), 100);
    assert.ok(fresh.total > 0 && fresh.items.every((p) => p.isNew));
    const featured = assertPage(await products("featured=true&limit=100"), 100);
    assert.ok(featured.total > 0 && featured.items.every((p) => p.isFeatured));
    const combined = assertPage(await products("featured=true&category=shoes&limit=100"), 100);
    assert.ok(
      combined.items.every((p) => p.isFeatured && p.categoryId === shoes.id),
      "filters combine",
    );
    assert.ok(combined.total <= Math.min(featured.total, byCategory.total));
    const all = assertPage(await products("limit=100"), 100);
    assert.ok(all.total >= 60, `at least the 60 seeded products (${all.total})`);
    assert.ok(onSale.total < all.total && fresh.total < all.total, "filters narrow the list");
  });

  it("pages without overlap and sorts by price and rating", async () => {
    const first = assertPage(await products("limit=10&page=1&sort=price_asc"), 10);
    const second = assertPage(await products("limit=10&page=2&sort=price_asc"), 10);
    assert.equal(first.items.length, 10);
    const ids = new Set(first.items.map((p) => p.id));
    assert.ok(
      second.items.every((p) => !ids.has(p.id)),
      "page 2 shares nothing with page 1",
    );
    const ascending = [...first.items, ...second.items].map((p) => p.price);
    assert.deepEqual(
      ascending,
      [...ascending].sort((a, b) => a - b),
    );
    const desc = assertPage(await products("limit=30&sort=price_desc"), 30).items.map(
      (p) => p.price,
    );
    assert.deepEqual(
      desc,
      [...desc].sort((a, b) => b - a),
    );
    const rating = assertPage(await products("limit=30&sort=rating"), 30).items.map(
      (p) => p.ratingAverage,
    );
    assert.deepEqual(
      rating,
      [...rating].sort((a, b) => b - a),
    );
  });

  it("searches name and brand (Hangul included) and the BFF's category page filters server-side", async () => {
    const word = `검색${randomBytes(3).toString("hex")}`;
    const made = await createProduct({
      name: `${word} 러닝화`,
      brand: "Findable",
      categoryId: "shoes",
      price: 33_000,
      originalPrice: 33_000,
    });
    const found = assertPage(await products(`q=${encodeURIComponent(word)}`), 20);
    assert.deepEqual(
      found.items.map((p) => p.id),
      [made.id],
    );
    const none = assertPage(await products(`q=${encodeURIComponent(`${word}없음`)}`), 20);
    assert.equal(none.total, 0);

    const page = await call<CategoriesPage>(
      gateway(),
      `/api/categories?category=shoes&q=${encodeURIComponent(word)}`,
    );
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.selected?.slug, "shoes");
    assert.deepEqual(
      page.body.products.items.map((p) => p.id),
      [made.id],
    );
    const elsewhere = await call<CategoriesPage>(
      gateway(),
      `/api/categories?category=bags&q=${encodeURIComponent(word)}`,
    );
    assert.equal(elsewhere.body.products.total, 0, "a shoe is not found among bags");
  });

  it("refuses bad query values with 400 naming the field", async () => {
    for (const [path, field] of [
      ["/api/v1/products?limit=1000", "query.limit"],
      ["/api/v1/products?minPrice=-1", "query.minPrice"],
      ["/api/v1/products?sort=drop", "query.sort"],
      ["/api/categories?limit=1000", "query.limit"],
      ["/api/categories?sort=drop", "query.sort"],
    ] as const) {
      const problem = assertProblem(await call(gateway(), path), 400, "VALIDATION_FAILED");
      assert.ok(
        problem.errors?.some((e) => e.field === field),
        `${path}: ${JSON.stringify(problem.errors)}`,
      );
    }
    assertProblem(
      await call(gateway(), "/api/categories?category=no-such-category"),
      404,
      "CATEGORY_NOT_FOUND",
    );
  });
});

describe("issue 4: the gateway's response cache", () => {
  it("answers MISS then HIT with X-Cache-* and RFC 9211 Cache-Status, one key per normalised query", async () => {
    const q = `cache${randomBytes(4).toString("hex")}`;
    const first = await call(gateway(), `/api/categories?q=${q}&sort=price_asc`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("x-cache-status"), "MISS");
    const key = `cache:GET:/api/categories?q=${q}&sort=price_asc`;
    assert.equal(first.headers.get("x-cache-key"), key);
    assert.equal(first.headers.get("x-cache-ttl"), "300");
    assert.match(first.headers.get("cache-status") ?? "", /^shop-gateway; fwd=uri-miss.*stored/);

    // The same parameters in another order are the same entry.
    const second = await call(gateway(), `/api/categories?sort=price_asc&q=${q}`);
    assert.equal(second.headers.get("x-cache-status"), "HIT");
    assert.equal(second.headers.get("x-cache-key"), key);
    assert.match(second.headers.get("cache-status") ?? "", /^shop-gateway; hit; ttl=\d+/);
    assert.ok(Number(second.headers.get("x-cache-age")) >= 0);
    assert.equal(second.text, first.text);

    // Through the edge proxy the gateway's answer and headers arrive unchanged.
    const viaEdge = await call(edge(), `/api/categories?q=${q}&sort=price_asc`);
    assert.equal(viaEdge.headers.get("x-cache-status"), "HIT");
    assert.equal(viaEdge.text, first.text);

    // A parameter the route does not vary on is never cached under a key that does not describe it.
    const unkeyed = await call(gateway(), `/api/categories?q=${q}&sort=price_asc&debug=1`);
    assert.equal(unkeyed.headers.get("x-cache-status"), "BYPASS");
  });

  it("never serves one category's answer for another", async () => {
    // A price floor no other test uses makes both keys cold.
    const floor = 1 + (randomBytes(2).readUInt16BE() % 900);
    const path = (slug: string) => `/api/categories?category=${slug}&minPrice=${floor}`;
    const shoes = await call<CategoriesPage>(gateway(), path("shoes"));
    const bags = await call<CategoriesPage>(gateway(), path("bags"));
    for (const [res, slug] of [
      [shoes, "shoes"],
      [bags, "bags"],
    ] as const) {
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("x-cache-status"), "MISS");
      assert.equal(res.body.selected?.slug, slug);
      assert.ok(res.body.products.items.length > 0);
      assert.ok(
        res.body.products.items.every((p) => p.categoryId === res.body.selected?.id),
        `${slug} lists only ${slug}`,
      );
    }
    for (const [slug, first] of [
      ["shoes", shoes],
      ["bags", bags],
    ] as const) {
      const again = await call<CategoriesPage>(gateway(), path(slug));
      assert.equal(again.headers.get("x-cache-status"), "HIT");
      assert.equal(again.body.selected?.slug, slug);
      assert.equal(again.text, first.text);
    }
    assert.notEqual(shoes.headers.get("x-cache-key"), bags.headers.get("x-cache-key"));
  });

  it("ignores X-Cache-Refresh from the public and honours it only from internal callers", async () => {
    const q = `refresh${randomBytes(4).toString("hex")}`;
    const path = `/api/categories?q=${q}`;
    assert.equal((await call(gateway(), path)).headers.get("x-cache-status"), "MISS");
    for (const base of [gateway(), edge()]) {
      const forced = await call(base, path, { headers: { "x-cache-refresh": "true" } });
      assert.equal(
        forced.headers.get("x-cache-status"),
        "HIT",
        `${base}: a public X-Cache-Refresh is not a refresh`,
      );
    }
    // Control: the warm-up's own header (internal key) does refresh, so the header is not simply broken.
    const internal = await call(gateway(), path, {
      headers: { "x-cache-refresh": "true", "x-internal-key": stack().secrets.INTERNAL_KEY },
    });
    assert.equal(internal.headers.get("x-cache-status"), "REFRESH");
  });
});

/** GETs `url` until its body contains `needle`; returns the first answer that did, and when. */
function untilShows(url: string, needle: string, timeoutMs = 1_000) {
  return within(
    timeoutMs,
    async () => {
      const res = await call(url, "", { headers: { accept: "text/html,application/json" } });
      return res.status === 200 && res.text.includes(needle) ? res : undefined;
    },
    10,
  );
}

describe("issue 4: an admin's edit reaches every cache within a second", () => {
  it("after PUT /api/v1/products/:id, /api/home, /api/products/:slug and the edge's / and product page show the change", async (t) => {
    const tag = randomBytes(3).toString("hex");
    const before = `E2E 홈 상품 ${tag} 초판`;
    const product = await createProduct({
      name: before,
      slug: `e2e-home-${tag}`,
      categoryId: "digital",
      isNew: true,
      isFeatured: true,
      price: 41_000,
      originalPrice: 52_000,
    });
    const urls = {
      home: `${gateway()}/api/home`,
      productApi: `${gateway()}/api/products/${encodeURIComponent(product.slug)}`,
      edgeHome: `${edge()}/`,
      edgeProduct: `${edge()}/products/${encodeURIComponent(product.slug)}`,
    };
    // Warm every cache with the current name and check each is now answering from its cache.
    for (const [name, url] of Object.entries(urls)) {
      await untilShows(url, before, 5_000);
      const cached = await call(url, "", { headers: { accept: "text/html,application/json" } });
      assert.ok(cached.text.includes(before), `${name} shows the product before the edit`);
      assert.equal(
        cached.headers.get("x-cache-status") ?? cached.headers.get("x-cache"),
        "HIT",
        `${name} is cached`,
      );
    }

    const after = `E2E 홈 상품 ${tag} 개정판`;
    const edited = performance.now();
    await updateProduct(product.id, { name: after, price: 39_000 });
    const timings: Record<string, number> = {};
    // All four at once, as visitors would: an edge re-render reads the gateway, which must not
    // hand it the old /api/home or product answer (the two caches purge independently).
    const names = ["edgeHome", "edgeProduct", "home", "productApi"] as const;
    const firsts = await Promise.all(
      names.map(async (name) => {
        const { value } = await untilShows(urls[name], after);
        timings[name] = performance.now() - edited;
        return value;
      }),
    );
    for (const [i, name] of names.entries()) {
      const value = firsts[i]!;
      const status = value.headers.get("x-cache-status") ?? value.headers.get("x-cache");
      // An edge page showing the change was purged and rendered afresh; a gateway entry may
      // already have been refilled (with the new version) by an edge render.
      if (name.startsWith("edge"))
        assert.equal(status, "MISS", `${name}: purged and rendered afresh`);
      assert.ok(!value.text.includes(before), `${name} no longer shows the old name`);
      const next = await call(urls[name], "", {
        headers: { accept: "text/html,application/json" },
      });
      assert.ok(
        next.text.includes(after),
        `${name}: what was stored after the purge is the new version`,
      );
      assert.equal(next.headers.get("x-cache-status") ?? next.headers.get("x-cache"), "HIT");
    }
    t.diagnostic(
      `edit visible after (ms): ${Object.entries(timings)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(", ")}`,
    );
    for (const [name, ms] of Object.entries(timings))
      assert.ok(ms < 1_000, `${name} showed the change after ${ms.toFixed(0)} ms`);
  });
});

describe("issue 4: product pages of products with Korean names", () => {
  it("a product whose slug is generated from a Hangul name has a working page through the edge", async () => {
    const name = `E2E 한글 상품 ${randomBytes(3).toString("hex")}`;
    const product = await createProduct({ name, categoryId: "beauty" });
    assert.match(product.slug, /[가-힣]/, "the generated slug keeps the Hangul");
    const api = await call(gateway(), `/api/products/${encodeURIComponent(product.slug)}`);
    assert.equal(api.status, 200, "the BFF finds it by its slug");
    const page = await call(edge(), `/products/${encodeURIComponent(product.slug)}`, {
      headers: { accept: "text/html" },
    });
    assert.equal(page.status, 200, `product page answered ${page.status}`);
    assert.ok(page.text.includes(name));
  });
});

describe("issue 4: concurrent cold requests", () => {
  it("200 concurrent requests for one cold /api/categories key make one call to the BFF", async () => {
    const tag = `coalesce-${randomBytes(4).toString("hex")}`;
    const path = `/api/categories?q=${tag}`;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(gateway(), path, { headers: { "x-request-id": `${tag}-${i}` } }),
      ),
    );
    assert.ok(answers.every((a) => a.status === 200));
    assert.equal(new Set(answers.map((a) => a.text)).size, 1, "everyone got the same answer");
    // Each gateway request had its own id; the BFF logs the id of every call it received.
    const calls = async () =>
      new Set(
        logLinesWith("bff", tag).map(
          (line) => (JSON.parse(line) as { requestId: string }).requestId,
        ),
      );
    await within(3_000, async () => ((await calls()).size > 0 ? true : undefined), 100);
    await logsFlushed("bff", "/api/categories");
    assert.equal((await calls()).size, 1, `BFF calls: ${[...(await calls())].join(", ")}`);
  });
});
