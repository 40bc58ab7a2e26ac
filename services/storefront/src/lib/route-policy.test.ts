import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isMemberOnly, routeKind } from "./route-policy";

describe("route kinds", () => {
  it("marks exactly the catalogue pages as shareable", () => {
    for (const path of ["/", "/categories", "/categories/shoes", "/products/simple-tee", "/search"])
      assert.equal(routeKind(path), "catalogue", path);
  });

  it("treats account, cart, checkout, orders, admin, auth and session as per-user", () => {
    for (const path of [
      "/account",
      "/wishlist",
      "/cart",
      "/checkout",
      "/checkout/complete/1",
      "/orders/1",
      "/admin/products",
      "/auth/login",
      "/session",
    ]) {
      assert.equal(routeKind(path), "private", path);
    }
    assert.equal(routeKind("/products/a/b"), "other");
    assert.equal(routeKind("/health"), "other");
  });

  it("knows which pages need an account", () => {
    assert.equal(isMemberOnly("/account"), true);
    assert.equal(isMemberOnly("/orders/123"), true);
    assert.equal(isMemberOnly("/cart"), false);
    assert.equal(isMemberOnly("/accounting"), false);
  });
});
