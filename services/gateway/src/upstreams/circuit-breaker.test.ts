/** Circuit breaker states: closed → open after N failures → half-open probe → closed or open again. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CircuitBreaker } from "./circuit-breaker.js";

describe("circuit breaker", () => {
  it("opens after consecutive failures, lets one probe through after the pause, and closes on success", () => {
    let now = 0;
    const breaker = new CircuitBreaker("product", {
      failures: 3,
      openForMs: 10_000,
      now: () => now,
    });
    for (let i = 0; i < 3; i++) {
      breaker.admit();
      breaker.settle("failure");
    }
    assert.equal(breaker.current, "open");
    assert.throws(
      () => breaker.admit(),
      (e: { code: string; headers: Record<string, string> }) =>
        e.code === "CIRCUIT_OPEN" && e.headers["retry-after"] === "10",
    );
    now = 10_000;
    breaker.admit();
    assert.equal(breaker.current, "half-open");
    assert.throws(() => breaker.admit(), /failing/);
    breaker.settle("success");
    assert.equal(breaker.current, "closed");
    breaker.admit();
  });

  it("reopens when the probe fails and ignores failures interleaved with successes", () => {
    let now = 0;
    const breaker = new CircuitBreaker("order", { failures: 2, openForMs: 1_000, now: () => now });
    breaker.settle("failure");
    breaker.settle("success");
    breaker.settle("failure");
    assert.equal(breaker.current, "closed");
    breaker.settle("failure");
    assert.equal(breaker.current, "open");
    now = 1_000;
    breaker.admit();
    breaker.settle("failure");
    assert.equal(breaker.current, "open");
    assert.throws(() => breaker.admit());
    now = 2_000;
    breaker.admit();
    breaker.settle("neutral");
    breaker.admit();
  });
});
