import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, DEV_AUTH_CLIENT_KEY, parseConfig } from "./config";

describe("storefront configuration", () => {
  it("has development defaults for every variable", () => {
    const c = parseConfig({});
    assert.equal(c.GATEWAY_URL, "http://127.0.0.1:8000");
    assert.equal(c.AUTH_URL, "http://127.0.0.1:4000");
    assert.equal(c.AUTH_CLIENT_KEY, DEV_AUTH_CLIENT_KEY);
  });

  it("names a bad variable and trims trailing slashes", () => {
    assert.throws(
      () => parseConfig({ GATEWAY_URL: "not a url" }),
      (e: unknown) => e instanceof ConfigError && /GATEWAY_URL/.test(e.message),
    );
    assert.equal(parseConfig({ AUTH_URL: "http://auth:4000/" }).AUTH_URL, "http://auth:4000");
  });

  it("refuses the development client key and short keys in production", () => {
    assert.throws(
      () => parseConfig({ NODE_ENV: "production" }),
      (e: unknown) => e instanceof ConfigError && /AUTH_CLIENT_KEY: must be set/.test(e.message),
    );
    assert.throws(
      () => parseConfig({ NODE_ENV: "production", AUTH_CLIENT_KEY: "short" }),
      /at least 32/,
    );
    assert.equal(
      parseConfig({ NODE_ENV: "production", AUTH_CLIENT_KEY: "k".repeat(40) }).NODE_ENV,
      "production",
    );
  });

  it("lets `next build` run without secrets (the running server checks them)", () => {
    assert.equal(
      parseConfig({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).AUTH_CLIENT_KEY,
      DEV_AUTH_CLIENT_KEY,
    );
  });

  it("does not show a secret's value in the message", () => {
    const error = (() => {
      try {
        parseConfig({ AUTH_CLIENT_KEY: "" });
      } catch (e) {
        return e as Error;
      }
    })();
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /AUTH_CLIENT_KEY: .* \(set\)/);
  });
});
