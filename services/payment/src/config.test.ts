import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readConfig } from "./config.js";

describe("payment config", () => {
  it("refuses the development secrets in production, naming each variable", () => {
    assert.throws(
      () => readConfig({ NODE_ENV: "production" }),
      (e: Error) => /INTERNAL_KEY/.test(e.message) && /WEBHOOK_SECRET/.test(e.message),
    );
    const strong = "x".repeat(40);
    assert.equal(
      readConfig({ NODE_ENV: "production", INTERNAL_KEY: strong, WEBHOOK_SECRET: `${strong}y` })
        .PORT,
      7001,
    );
  });
  it("reads an empty webhook URL as unset (as in .env.example)", () => {
    assert.equal(
      readConfig({ TEST_PROVIDER_WEBHOOK_URL: "" }).TEST_PROVIDER_WEBHOOK_URL,
      undefined,
    );
  });
  it("names a bad variable", () => {
    assert.throws(() => readConfig({ ORDER_URL: "not a url" }), /ORDER_URL/);
  });
});
