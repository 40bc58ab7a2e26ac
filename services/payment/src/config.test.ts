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
      readConfig({
        NODE_ENV: "production",
        INTERNAL_KEY: strong,
        WEBHOOK_SECRET: `${strong}y`,
        ALLOW_SANDBOX_PAYMENTS: "true",
      }).PORT,
      7001,
    );
  });
  it("refuses to take payments only through the sandbox in production unless allowed", () => {
    const strong = "x".repeat(40);
    const production = {
      NODE_ENV: "production",
      INTERNAL_KEY: strong,
      WEBHOOK_SECRET: `${strong}y`,
    };
    assert.throws(() => readConfig(production), /ALLOW_SANDBOX_PAYMENTS/);
    assert.throws(
      () => readConfig({ ...production, ALLOW_SANDBOX_PAYMENTS: "false" }),
      /ALLOW_SANDBOX_PAYMENTS/,
    );
    assert.equal(
      readConfig({ ...production, ALLOW_SANDBOX_PAYMENTS: "true" }).ALLOW_SANDBOX_PAYMENTS,
      true,
    );
    // Development and tests run the sandbox without being asked.
    assert.equal(readConfig({ NODE_ENV: "development" }).ALLOW_SANDBOX_PAYMENTS, false);
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
