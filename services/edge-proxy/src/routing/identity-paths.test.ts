import { describe, expect, test } from "bun:test";
import { needsIdentity } from "./identity-paths.js";

describe("which API calls start a guest session", () => {
  // The answers of the edge's former hand-written list, now read from gateway.yaml.
  const cases: Array<[method: string, path: string, needs: boolean]> = [
    ["GET", "/api/home", false],
    ["GET", "/api/categories", false],
    ["GET", "/api/products/simple-tee", false],
    ["GET", "/api/no-such-route", false],
    ["POST", "/api/no-such-route", false],
    ["HEAD", "/api/home", false],
    ["POST", "/api/auth/login", false],
    ["POST", "/api/auth/register", false],
    ["POST", "/api/auth/refresh", false],
    ["POST", "/api/payments/webhooks/test", false],
    ["OPTIONS", "/api/cart", false],
    ["GET", "/api/cart", true],
    ["POST", "/api/cart/items", true],
    ["POST", "/api/checkout", true],
    ["GET", "/api/checkout/preview", true],
    ["GET", "/api/orders", true],
    ["GET", "/api/members/me", true],
    ["POST", "/api/products", true],
    ["POST", "/api/v1/products/p1/reviews", true],
    ["GET", "/api/admin/orders", true],
  ];
  for (const [method, path, needs] of cases) {
    test(`${method} ${path} → ${needs ? "needs" : "no"} identity`, () => {
      expect(needsIdentity(method, path)).toBe(needs);
    });
  }
});
