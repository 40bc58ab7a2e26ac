import { describe, expect, test } from "bun:test";
import { decideStore, isRscRequest, parseDirectives } from "./policy.js";

const defaults = { ttl: 60, swr: 300, sie: 86_400 };
const html = (headers: Record<string, string>) =>
  new Headers({ "content-type": "text/html; charset=utf-8", ...headers });

describe("what may be stored", () => {
  test("Surrogate-Control wins over Next's private, no-store Cache-Control", () => {
    const decision = decideStore(
      200,
      html({
        "cache-control": "private, no-cache, no-store",
        "surrogate-control": "max-age=30, stale-while-revalidate=10, stale-if-error=600",
      }),
      defaults,
    );
    expect(decision).toEqual({ store: true, freshness: { ttl: 30, swr: 10, sie: 600 } });
  });

  test("Surrogate-Control no-store forbids storing", () => {
    expect(decideStore(200, html({ "surrogate-control": "no-store" }), defaults).store).toBe(false);
  });

  test("without Surrogate-Control, private/no-store/no-cache are never stored", () => {
    for (const value of [
      "private, max-age=60",
      "no-store",
      "no-cache",
      "private, no-cache, no-store, max-age=0, must-revalidate",
    ]) {
      expect(decideStore(200, html({ "cache-control": value }), defaults).store).toBe(false);
    }
  });

  test("s-maxage beats max-age; the configured TTL applies when neither is given", () => {
    expect(
      decideStore(200, html({ "cache-control": "public, max-age=10, s-maxage=120" }), defaults),
    ).toEqual({
      store: true,
      freshness: { ttl: 120, swr: 300, sie: 86_400 },
    });
    expect(
      decideStore(200, html({ "cache-control": "public, max-age=10" }), defaults),
    ).toMatchObject({ freshness: { ttl: 10 } });
    expect(decideStore(200, html({}), defaults)).toMatchObject({ freshness: { ttl: 60 } });
  });

  test("answers that set cookies are never stored, whatever the headers say", () => {
    const headers = html({ "surrogate-control": "max-age=60" });
    headers.append("set-cookie", "a=1");
    expect(decideStore(200, headers, defaults)).toEqual({ store: false, reason: "sets cookies" });
  });

  test("only 200 text/html", () => {
    expect(decideStore(404, html({ "surrogate-control": "max-age=60" }), defaults).store).toBe(
      false,
    );
    expect(decideStore(307, html({ "surrogate-control": "max-age=60" }), defaults).store).toBe(
      false,
    );
    expect(
      decideStore(
        200,
        new Headers({ "content-type": "application/json", "surrogate-control": "max-age=60" }),
        defaults,
      ).store,
    ).toBe(false);
  });

  test("Vary: Cookie or * is not shareable", () => {
    expect(
      decideStore(200, html({ "surrogate-control": "max-age=60", vary: "Cookie" }), defaults).store,
    ).toBe(false);
  });

  test("directives parse with quotes, spaces and case", () => {
    const parsed = parseDirectives(' Max-Age=5 , private, no-cache="set-cookie"');
    expect(parsed.get("max-age")).toBe("5");
    expect(parsed.get("private")).toBe(true);
    expect(parsed.get("no-cache")).toBe("set-cookie");
  });
});

describe("RSC requests", () => {
  test("each RSC signal is recognised", () => {
    expect(isRscRequest(new Headers({ rsc: "1" }), "")).toBe(true);
    expect(isRscRequest(new Headers({ "next-router-prefetch": "1" }), "")).toBe(true);
    expect(isRscRequest(new Headers({ "next-router-state-tree": "%5B%5D" }), "")).toBe(true);
    expect(isRscRequest(new Headers({ "next-router-segment-prefetch": "/_tree" }), "")).toBe(true);
    expect(isRscRequest(new Headers({ accept: "text/x-component" }), "")).toBe(true);
    expect(isRscRequest(new Headers(), "?_rsc=abc12")).toBe(true);
  });

  test("a plain document request is not RSC", () => {
    expect(
      isRscRequest(new Headers({ accept: "text/html,application/xhtml+xml" }), "?category=shoes"),
    ).toBe(false);
  });
});
