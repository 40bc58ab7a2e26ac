import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loginPath, safeRedirectPath } from "./session.ts";

describe("post-login redirect", () => {
  it("keeps same-site paths with their query", () => {
    assert.equal(safeRedirectPath("/account"), "/account");
    assert.equal(
      safeRedirectPath("/categories/shoes?sort=price_asc#top"),
      "/categories/shoes?sort=price_asc#top",
    );
  });

  it("refuses other origins and tricks", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "account",
      "",
      "/auth/login?redirect=/x",
      "/a\nb",
      42,
      undefined,
    ]) {
      assert.equal(safeRedirectPath(bad), "/", String(bad));
    }
  });

  it("builds the login URL a protected page sends guests to", () => {
    assert.equal(loginPath("/account"), "/auth/login?redirect=%2Faccount");
    assert.equal(loginPath("/"), "/auth/login");
  });
});
