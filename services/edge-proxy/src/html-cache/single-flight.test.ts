import { describe, expect, test } from "bun:test";
import { SingleFlight } from "./single-flight.js";

describe("single flight", () => {
  test("concurrent callers share one run; the next call after it settles runs again", async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    const work = async () => {
      runs += 1;
      await Bun.sleep(20);
      return runs;
    };
    const calls = Array.from({ length: 100 }, () => flights.run("k", work));
    expect(calls.filter((c) => c.leader)).toHaveLength(1);
    expect(new Set(await Promise.all(calls.map((c) => c.promise)))).toEqual(new Set([1]));
    expect(flights.has("k")).toBe(false);
    expect(await flights.run("k", work).promise).toBe(2);
  });

  test("a failure reaches every caller and frees the key", async () => {
    const flights = new SingleFlight<number>();
    const fail = async () => {
      await Bun.sleep(5);
      throw new Error("boom");
    };
    const a = flights.run("k", fail);
    const b = flights.run("k", fail);
    expect(a.promise).rejects.toThrow("boom");
    expect(b.promise).rejects.toThrow("boom");
    await Bun.sleep(20);
    expect(flights.size).toBe(0);
  });
});
