import { describe, expect, test } from "bun:test";
import { gunzipSync } from "node:zlib";
import { CachedPage, storableHeaders } from "./entry.js";

const meta = (storedAt: number, ttl = 60, swr = 30, sie = 600) => ({
  v: 1 as const,
  key: "html_cache:h/",
  status: 200,
  headers: [["content-type", "text/html"]] as Array<[string, string]>,
  storedAt,
  freshness: { ttl, swr, sie },
  tags: ["page:/", "route:/", "all"],
});

describe("cached page", () => {
  test("round-trips through the Redis encoding byte for byte", () => {
    const body = new TextEncoder().encode("<p>안녕하세요</p>");
    const page = new CachedPage(meta(1000), body);
    const decoded = CachedPage.decode(page.encode());
    expect(decoded?.meta).toEqual(page.meta);
    expect(new TextDecoder().decode(decoded!.body)).toBe("<p>안녕하세요</p>");
  });

  test("garbage does not decode", () => {
    expect(CachedPage.decode(new Uint8Array([0, 0, 0, 200, 1, 2]))).toBeUndefined();
    expect(CachedPage.decode(new Uint8Array([0, 0, 0, 2, 123, 125]))).toBeUndefined();
  });

  test("moves from fresh to stale to grace to expired", () => {
    const page = new CachedPage(meta(0, 60, 30, 600), new Uint8Array());
    expect(page.state(59_999)).toBe("fresh");
    expect(page.state(60_000)).toBe("stale");
    expect(page.state(90_000)).toBe("grace");
    expect(page.state(660_000)).toBe("expired");
    expect(page.age(61_500)).toBe(61);
    expect(page.ttlLeft(70_000)).toBe(-10);
  });

  test("gzip copy is made once and decodes to the body", async () => {
    const page = new CachedPage(meta(0), new TextEncoder().encode("x".repeat(5000)));
    const first = page.gzip();
    expect(page.gzip()).toBe(first);
    expect(gunzipSync(new Uint8Array(await first.arrayBuffer())).toString()).toBe("x".repeat(5000));
  });

  test("stored headers drop cookies, surrogate and hop-by-hop headers and vary on encoding", () => {
    const headers = new Headers({
      "content-type": "text/html",
      "surrogate-control": "max-age=60",
      "content-length": "10",
      connection: "keep-alive",
      vary: "RSC, Next-Router-State-Tree",
      "x-powered-by": "Next.js",
    });
    headers.append("set-cookie", "a=1");
    expect(Object.fromEntries(storableHeaders(headers))).toEqual({
      "content-type": "text/html",
      "x-powered-by": "Next.js",
      vary: "RSC, Next-Router-State-Tree, Accept-Encoding",
    });
  });
});
