import { describe, expect, test } from "bun:test";
import { createRouteMatcher, normaliseQuery, pageKey, tagsForPaths } from "./key.js";

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
