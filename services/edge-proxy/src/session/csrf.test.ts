import { describe, expect, test } from "bun:test";
import { csrfAllowed, needsCsrfCheck } from "./csrf.js";

const trusted = new Set(["https://admin.shop.example"]);

describe("CSRF", () => {
  test("only cookie-authenticated unsafe requests are checked", () => {
    expect(needsCsrfCheck("POST", true, false)).toBe(true);
    expect(needsCsrfCheck("DELETE", true, false)).toBe(true);
    expect(needsCsrfCheck("GET", true, false)).toBe(false);
    expect(needsCsrfCheck("POST", false, false)).toBe(false);
    expect(needsCsrfCheck("POST", true, true)).toBe(false);
  });

  test("same-origin by Sec-Fetch-Site or by Origin passes", () => {
    expect(
      csrfAllowed(new Headers({ "sec-fetch-site": "same-origin" }), "shop.example", trusted),
    ).toBe(true);
    expect(csrfAllowed(new Headers({ "sec-fetch-site": "none" }), "shop.example", trusted)).toBe(
      true,
    );
    expect(
      csrfAllowed(new Headers({ origin: "https://shop.example" }), "shop.example", trusted),
    ).toBe(true);
    expect(
      csrfAllowed(new Headers({ origin: "http://localhost:9000" }), "localhost:9000", trusted),
    ).toBe(true);
  });

  test("cross-site, a missing or null Origin, and look-alike hosts are rejected", () => {
    expect(
      csrfAllowed(
        new Headers({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }),
        "shop.example",
        trusted,
      ),
    ).toBe(false);
    expect(
      csrfAllowed(
        new Headers({ "sec-fetch-site": "same-site", origin: "https://shop.example" }),
        "shop.example",
        trusted,
      ),
    ).toBe(false);
    expect(
      csrfAllowed(
        new Headers({ origin: "https://shop.example.evil.example" }),
        "shop.example",
        trusted,
      ),
    ).toBe(false);
    expect(csrfAllowed(new Headers({ origin: "null" }), "shop.example", trusted)).toBe(false);
    expect(csrfAllowed(new Headers(), "shop.example", trusted)).toBe(false);
  });

  test("a configured origin is trusted even from another site", () => {
    expect(
      csrfAllowed(
        new Headers({ "sec-fetch-site": "same-site", origin: "https://admin.shop.example" }),
        "shop.example",
        trusted,
      ),
    ).toBe(true);
  });
});
