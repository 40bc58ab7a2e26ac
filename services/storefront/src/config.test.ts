import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseConfig } from "./config";

describe("storefront configuration", () => {
  it("has development defaults for every variable", () => {
    const c = parseConfig({});
    assert.equal(c.GATEWAY_URL, "http://127.0.0.1:8000");
    assert.equal(c.AUTH_URL, "http://127.0.0.1:4000");
  });

  it("names a bad variable and trims trailing slashes", () => {
    assert.throws(
      () => parseConfig({ GATEWAY_URL: "not a url" }),
      (e: unknown) => e instanceof ConfigError && /GATEWAY_URL/.test(e.message),
    );
    assert.equal(parseConfig({ AUTH_URL: "http://auth:4000/" }).AUTH_URL, "http://auth:4000");
  });

  it("starts in production with no secret to give (the session is the edge's)", () => {
    assert.equal(parseConfig({ NODE_ENV: "production" }).NODE_ENV, "production");
  });
});
