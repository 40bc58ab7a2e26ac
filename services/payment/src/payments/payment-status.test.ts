import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isForward, settleAuthorization } from "./payment-status.js";

describe("payment status order", () => {
  it("only moves forward", () => {
    assert.equal(isForward("captured", "authorized"), false);
    assert.equal(isForward("authorized", "captured"), true);
    assert.equal(isForward("voided", "refunded"), false);
    assert.equal(isForward("captured", "refunded"), true);
  });
  it("lets the synchronous answer decide a decline even after the failure webhook", () => {
    assert.equal(settleAuthorization("failed", "declined"), "declined");
    assert.equal(settleAuthorization("pending", "declined"), "declined");
    assert.equal(settleAuthorization("captured", "authorized"), "captured");
    assert.equal(settleAuthorization("authorized", "pending"), "authorized");
  });
});
