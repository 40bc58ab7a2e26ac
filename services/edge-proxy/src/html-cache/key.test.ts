import { describe, expect, test } from "bun:test";
import {
  canonicalPath,
  createKeyer,
  createRouteMatcher,
  normaliseQuery,
  pageKey,
  tagsForPaths,
} from "./key.js";

const allowed = new Set(["category", "page", "sort", "q"]);

describe("page keys", () => {
  test("two categories never share a page (the original's key bug)", () => {
    const shoes = pageKey("shop.local", "/categories", "?category=shoes", "/categories", allowed);
    const bags = pageKey("shop.local", "/categories", "?category=bags", "/categories", allowed);
    expect(shoes.key).not.toBe(bags.key);
    expect(shoes.key).toBe("html_cache:shop.local/categories?category=shoes");
  });

  test("allow-listed parameters are sorted so their order does not split the cache", () => {
    const a = pageKey(
      "h",
      "/categories",
      "?sort=price&category=shoes&page=2",
      "/categories",
      allowed,
    );
    const b = pageKey(
      "h",
      "/categories",
      "?page=2&category=shoes&sort=price",
      "/categories",
      allowed,
    );
    expect(a.key).toBe(b.key);
    expect(a.search).toBe("?category=shoes&page=2&sort=price");
  });

  test("tracking parameters are dropped", () => {
    const plain = pageKey("h", "/", "", "/", allowed);
    const tracked = pageKey(
      "h",
      "/",
      "?utm_source=news&utm_medium=mail&fbclid=abc&gclid=x",
      "/",
      allowed,
    );
    expect(tracked.key).toBe(plain.key);
    expect(tracked.search).toBe("");
  });

  test("unknown parameters are dropped from the key and from the rendered URL alike", () => {
    const k = pageKey("h", "/search", "?q=%EC%85%94%EC%B8%A0&debug=1&x=2", "/search", allowed);
    expect(k.search).toBe(`?${new URLSearchParams({ q: "셔츠" })}`);
    expect(k.key).toBe(`html_cache:h/search${k.search}`);
  });

  test("repeated values are kept and ordered; encodings are normalised", () => {
    expect(normaliseQuery("?sort=b&sort=a&q=a+b", allowed)).toBe("?q=a+b&sort=a&sort=b");
    expect(normaliseQuery("?q=a%20b", allowed)).toBe("?q=a+b");
  });

  test("the host is part of the key, case-insensitively", () => {
    expect(pageKey("Shop.Local", "/", "", "/", allowed).key).toBe("html_cache:shop.local/");
    expect(pageKey("a.example", "/", "", "/", allowed).key).not.toBe(
      pageKey("b.example", "/", "", "/", allowed).key,
    );
  });

  test("tags name the page, its route and all", () => {
    expect(pageKey("h", "/products/tee", "", "/products/*", allowed).tags).toEqual([
      "page:/products/tee",
      "route:/products/*",
      "all",
    ]);
    expect(tagsForPaths(["/", "/categories/*", "/"])).toEqual(["page:/", "route:/categories/*"]);
  });
});

describe("route matcher", () => {
  const routes = createRouteMatcher([
    "/",
    "/categories",
    "/categories/*",
    "/products/*",
    "/search",
  ]);

  test("exact routes and prefixes", () => {
    expect(routes.match("/")).toBe("/");
    expect(routes.match("/categories")).toBe("/categories");
    expect(routes.match("/categories/shoes")).toBe("/categories/*");
    expect(routes.match("/products/t-shirt")).toBe("/products/*");
    expect(routes.match("/search")).toBe("/search");
  });

  test("everything else is not cached", () => {
    for (const path of [
      "/account",
      "/cart",
      "/products",
      "/products/",
      "/searching",
      "/auth/login",
      "/admin/products",
    ]) {
      expect(routes.match(path)).toBeUndefined();
    }
  });
});

describe("one spelling per page", () => {
  test("case and percent-encoding of the same path give one key", () => {
    const keyer = createKeyer(createRouteMatcher(["/products/*"]), allowed);
    const spellings = [
      "/products/canvas-sneakers",
      "/products/Canvas-Sneakers",
      "/products/%63anvas%2dsneakers",
      "/Products/CANVAS-SNEAKERS",
    ];
    const keys = spellings.map((path) => keyer("shop.test", path, "")?.key);
    expect(new Set(keys)).toEqual(new Set(["html_cache:shop.test/products/canvas-sneakers"]));
  });

  test("a Hangul slug is keyed encoded, however it was sent", () => {
    const encoded = encodeURIComponent("캔버스");
    expect(canonicalPath(`/products/${encoded}`)).toBe(`/products/${encoded}`);
    expect(canonicalPath(`/products/${encoded.toLowerCase()}`)).toBe(`/products/${encoded}`);
    expect(canonicalPath("/products/캔버스")).toBe(`/products/${encoded}`);
  });

  test("an encoded slash stays inside its segment; encoded dots never become a dot segment", () => {
    expect(canonicalPath("/products/a%2Fb")).toBe("/products/a%2Fb");
    expect(canonicalPath("/products/%2e%2e")).toBe("/products/%2E%2E");
    expect(canonicalPath("/products/%zz")).toBe("/products/%zz");
  });

  test("purge tags name the canonical page, so any spelling in a purge reaches it", () => {
    expect(tagsForPaths(["/products/Canvas%2DSneakers", "/categories/*"])).toEqual([
      "page:/products/canvas-sneakers",
      "route:/categories/*",
    ]);
  });
});
