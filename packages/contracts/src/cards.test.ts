import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  cardDigits,
  cardNumberValid,
  cvcValid,
  expiryValid,
  luhnValid,
  parseExpiry,
} from "./cards.ts";

describe("card checks", () => {
  it("accepts the test cards and refuses a broken checksum or length", () => {
    for (const number of ["4242 4242 4242 4242", "5555-5555-5555-4444", "4000000000000002"])
      assert.equal(cardNumberValid(cardDigits(number)), true, number);
    assert.equal(luhnValid("4242424242424241"), false);
    assert.equal(cardNumberValid("0000000000"), false, "too short even though the checksum holds");
    assert.equal(cardNumberValid("4242a42424242424"), false);
  });

  it("reads MM/YY, M/YY and MM/YYYY, and refuses months outside 1–12", () => {
    assert.deepEqual(parseExpiry("07/29"), { month: 7, year: 2029 });
    assert.deepEqual(parseExpiry(" 7 / 2031 "), { month: 7, year: 2031 });
    assert.equal(parseExpiry("13/30"), undefined);
    assert.equal(parseExpiry("00/30"), undefined);
    assert.equal(parseExpiry("0730"), undefined);
  });

  it("keeps a card good until the end of its expiry month", () => {
    const now = new Date("2026-11-25T00:00:00Z");
    assert.equal(expiryValid("11/26", now), true);
    assert.equal(expiryValid("10/26", now), false);
    assert.equal(expiryValid("01/20", now), false);
    assert.equal(expiryValid("01/27", now), true);
  });

  it("wants 3 or 4 digits of CVC", () => {
    assert.equal(cvcValid("123"), true);
    assert.equal(cvcValid("1234"), true);
    assert.equal(cvcValid("12"), false);
    assert.equal(cvcValid("12a"), false);
  });
});
