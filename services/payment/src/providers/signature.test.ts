import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sign, verify } from "./signature.js";

describe("webhook signature", () => {
  const body = Buffer.from('{"id":"evt_1"}');
  it("accepts its own signature within the tolerance", () => {
    assert.doesNotThrow(() => verify("s3cret", body, sign("s3cret", body), 300));
  });
  it("rejects a changed body, another secret, an old timestamp and a malformed header", () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      () => verify("s3cret", Buffer.from('{"id":"evt_2"}'), sign("s3cret", body), 300),
      () => verify("s3cret", body, sign("other", body), 300),
      () => verify("s3cret", body, sign("s3cret", body, now - 301), 300, now),
      () => verify("s3cret", body, "v1=abc", 300),
    ];
    for (const run of cases)
      assert.throws(run, (e: { code?: string }) => e.code === "WEBHOOK_SIGNATURE_INVALID");
  });
});
