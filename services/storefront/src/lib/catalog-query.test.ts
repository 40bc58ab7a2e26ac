import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pageWindow, parseFilters, toQuery, toSearch } from "./catalog-query";

describe("catalogue filters in the URL", () => {
  it("parses valid values and drops bad ones instead of failing the page", () => {
    const f = parseFilters(
      {
        sort: "drop",
        page: "-3",
        minPrice: "abc",
        maxPrice: "50,000",
        onSale: "true",
        isNew: "1",
        q: "  셔츠 ",
      },
      "shoes",
    );
    assert.deepEqual(f, {
      category: "shoes",
      q: "셔츠",
      sort: "newest",
      minPrice: null,
      maxPrice: 50000,
      onSale: true,
      isNew: true,
      featured: false,
      page: 1,
    });
  });

  it("swaps a reversed price range", () => {
    const f = parseFilters({ minPrice: "90000", maxPrice: "10000" });
    assert.equal(f.minPrice, 10000);
    assert.equal(f.maxPrice, 90000);
  });

  it("writes canonical URLs: defaults left out, fixed order", () => {
    const f = parseFilters(
      { page: "3", onSale: "on", sort: "price_asc", maxPrice: "20000" },
      "shoes",
    );
    assert.equal(toSearch(f), "?sort=price_asc&maxPrice=20000&onSale=true&page=3");
    assert.equal(toSearch(f, { page: 1, sort: "newest" }), "?maxPrice=20000&onSale=true");
    assert.equal(toSearch(parseFilters({})), "");
  });

  it("gives the BFF every filter it needs", () => {
    const q = toQuery(parseFilters({ q: "bag", featured: "true", page: "2" }, "bags"));
    assert.deepEqual(q, {
      category: "bags",
      q: "bag",
      sort: "newest",
      minPrice: null,
      maxPrice: null,
      onSale: undefined,
      isNew: undefined,
      featured: "true",
      page: 2,
      limit: 20,
    });
  });

  it("shows page numbers around the current one with gaps", () => {
    assert.deepEqual(pageWindow(1, 1), [1]);
    assert.deepEqual(pageWindow(1, 5), [1, 2, 3, 4, 5]);
    assert.deepEqual(pageWindow(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20]);
  });
});
