import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLogger } from "./logging.js";
import { RelayLoop } from "./relay-loop.js";

const logger = createLogger("relay-loop-test", "silent");

describe("relay loop", () => {
  it("repeats batches until one handles nothing", async () => {
    const sizes = [3, 2, 0, 5];
    const loop = new RelayLoop({
      batch: async () => sizes.shift() ?? 0,
      pollMs: 60_000,
      logger,
      failureMessage: "failed",
    });
    assert.equal(await loop.drain(), 5);
    assert.deepEqual(sizes, [5]);
  });

  it("never runs two passes at once, and a nudge during a pass runs one more after it", async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    let release!: () => void;
    const firstPassHeld = new Promise<void>((resolve) => (release = resolve));
    let secondPassDone!: () => void;
    const secondPass = new Promise<void>((resolve) => (secondPassDone = resolve));
    const loop = new RelayLoop({
      batch: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        passes++;
        if (passes === 1) await firstPassHeld;
        active--;
        if (passes === 2) secondPassDone();
        return 0;
      },
      pollMs: 60_000,
      logger,
      failureMessage: "failed",
    });
    loop.nudge();
    loop.nudge();
    loop.nudge();
    release();
    await secondPass;
    await loop.close();
    assert.equal(maxActive, 1);
    assert.equal(passes, 2);
  });

  it("survives a failing pass and runs the next one", async () => {
    let calls = 0;
    let recovered!: () => void;
    const second = new Promise<void>((resolve) => (recovered = resolve));
    const loop = new RelayLoop({
      batch: async () => {
        calls++;
        if (calls === 1) throw new Error("redis down");
        recovered();
        return 0;
      },
      pollMs: 60_000,
      logger,
      failureMessage: "failed",
    });
    loop.nudge();
    loop.nudge();
    await second;
    await loop.close();
    assert.equal(calls, 2);
  });

  it("stops batching once closed", async () => {
    const loop = new RelayLoop({
      batch: async () => 1,
      pollMs: 60_000,
      logger,
      failureMessage: "failed",
    });
    await loop.close();
    assert.equal(loop.closed, true);
    assert.equal(await loop.drain(), 0);
  });
});
