import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readConfig } from "./config.js";

describe("order config", () => {
  it("refuses the development internal key in production", () => {
    assert.throws(() => readConfig({ NODE_ENV: "production" }), /INTERNAL_KEY/);
    assert.equal(
      readConfig({ NODE_ENV: "production", INTERNAL_KEY: "k".repeat(40) }).RESERVATION_TTL_SECONDS,
      600,
    );
  });
  it("names a bad variable", () => {
    assert.throws(() => readConfig({ RESERVATION_TTL_SECONDS: "soon" }), /RESERVATION_TTL_SECONDS/);
  });
});
