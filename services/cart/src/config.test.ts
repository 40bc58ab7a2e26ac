import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError } from "@shop/platform";
import { readConfig } from "./config.js";

describe("cart configuration", () => {
  it("has working development defaults", () => {
    const config = readConfig({});
    assert.equal(config.PORT, 3003);
    assert.equal(config.GUEST_CART_TTL_SECONDS, 7 * 24 * 3600);
    assert.equal(config.MEMBER_CART_TTL_SECONDS, 30 * 24 * 3600);
  });

  it("refuses the development internal key in production, naming the variable", () => {
    assert.throws(
      () => readConfig({ NODE_ENV: "production" }),
      (error: Error) => error instanceof ConfigError && /INTERNAL_KEY/.test(error.message),
    );
    assert.throws(
      () => readConfig({ NODE_ENV: "production", INTERNAL_KEY: "short" }),
      /INTERNAL_KEY: must be at least 32/,
    );
    assert.equal(
      readConfig({ NODE_ENV: "production", INTERNAL_KEY: "k".repeat(40) }).NODE_ENV,
      "production",
    );
  });

  it("names each bad variable", () => {
    assert.throws(
      () => readConfig({ PORT: "eighty", REDIS_URL: "not a url", MAX_CART_LINES: "-1" }),
      (error: Error) =>
        ["PORT", "REDIS_URL", "MAX_CART_LINES"].every((name) => error.message.includes(name)),
    );
  });
});
