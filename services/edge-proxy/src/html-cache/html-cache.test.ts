/** The HTML cache end to end: a real edge on port 0, a real Bun.serve storefront, real Redis. */
import { afterAll, afterEach, describe, expect, test } from "bun:test";
import {
  cleanupPrefix,
  htmlPage,
  startEdge,
  startServer,
  type TestEdge,
  type TestServer,
} from "../testing/servers.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(
  handler: Parameters<typeof startServer>[0],
  env: Record<string, string> = {},
): Promise<{ edge: TestEdge; storefront: TestServer }> {
  const storefront = startServer(handler);
  const edge = await startEdge({ storefront: storefront.url, env });
  cleanups.push(async () => {
    await edge.stop();
    await storefront.stop();
    await cleanupPrefix(edge.prefix);
  });
  return { edge, storefront };
}

const renders = (storefront: TestServer, path?: string) =>
  storefront.seen.filter((s) => !path || s.path === path).length;

describe("HTML cache", () => {
  test("a MISS is stored and the next request is a HIT, with X-Cache, Age and Cache-Status", async () => {
    const { edge, storefront } = await setup(() => htmlPage("home"));
    const first = await fetch(`${edge.url}/`);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(first.headers.get("cache-status")).toBe(
      "edge-proxy; fwd=miss; fwd-status=200; stored; ttl=60",
    );
    expect(first.headers.get("age")).toBe("0");
    expect(first.headers.has("surrogate-control")).toBe(false);
    expect(await first.text()).toContain("home");

    const second = await fetch(`${edge.url}/`);
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("cache-status")).toMatch(/^edge-proxy; hit; ttl=(59|60)$/);
    expect(second.headers.get("age")).toMatch(/^[01]$/);
    expect(second.headers.has("surrogate-control")).toBe(false);
    expect(second.headers.get("x-request-id")).toBeTruthy();
    expect(await second.text()).toContain("home");
    expect(renders(storefront)).toBe(1);
  });

  test("the shared render carries no cookies or credentials of the visitor", async () => {
    const { edge, storefront } = await setup(() => htmlPage("home"));
    await fetch(`${edge.url}/`, {
      headers: { cookie: "access_token=secret; theme=dark", authorization: "Bearer x" },
    });
    expect(storefront.seen[0]!.headers.get("cookie")).toBeNull();
    expect(storefront.seen[0]!.headers.get("authorization")).toBeNull();
  });

  test("a caller's forged X-Forwarded-Proto does not reach a shared render", async () => {
    // Without a trusted proxy in front, the header is the caller's word: an https page stored
    // under the shared key would hand https links to every visitor of an http site.
    const { edge, storefront } = await setup(() => htmlPage("home"));
    await fetch(`${edge.url}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(storefront.seen[0]!.headers.get("x-forwarded-proto")).toBe("http");
  });

  test("two categories never share a page", async () => {
    // The original keyed pages by path only, so one category's page was served for all of them.
    const { edge, storefront } = await setup((_, seen) =>
      htmlPage(`page:${seen.path}${seen.search}`),
    );
    const shoes = await (await fetch(`${edge.url}/categories/shoes?sort=price_asc`)).text();
    const bags = await (await fetch(`${edge.url}/categories/bags?sort=price_asc`)).text();
    const search = await (await fetch(`${edge.url}/search?q=bags`)).text();
    expect(shoes).toContain("page:/categories/shoes?sort=price_asc");
    expect(bags).toContain("page:/categories/bags?sort=price_asc");
    expect(search).toContain("page:/search?q=bags");
    const shoesAgain = await fetch(`${edge.url}/categories/shoes?sort=price_asc`);
    expect(shoesAgain.headers.get("x-cache")).toBe("HIT");
    expect(await shoesAgain.text()).toContain("page:/categories/shoes?sort=price_asc");
    const otherSort = await fetch(`${edge.url}/categories/shoes?sort=price_desc`);
    expect(otherSort.headers.get("x-cache")).toBe("MISS");
    expect(renders(storefront)).toBe(4);
  });

  test("tracking parameters are dropped: one render, and the storefront never sees them", async () => {
    const { edge, storefront } = await setup(() => htmlPage("sale"));
    await fetch(`${edge.url}/categories/shoes?sort=price&utm_source=mail&utm_campaign=x`);
    const tracked = await fetch(`${edge.url}/categories/shoes?fbclid=abc&sort=price&gclid=1`);
    expect(tracked.headers.get("x-cache")).toBe("HIT");
    expect(renders(storefront)).toBe(1);
    expect(storefront.seen[0]!.search).toBe("?sort=price");
  });

  test("RSC requests go straight to the storefront and never touch HTML entries", async () => {
    const { edge, storefront } = await setup((request) =>
      request.headers.has("rsc") || new URL(request.url).searchParams.has("_rsc")
        ? new Response("0:flight", { headers: { "content-type": "text/x-component", vary: "RSC" } })
        : htmlPage("document"),
    );
    await fetch(`${edge.url}/products/tee`); // an HTML entry exists now
    const variants: RequestInit[] = [
      { headers: { rsc: "1" } },
      { headers: { rsc: "1", "next-router-prefetch": "1" } },
      { headers: { rsc: "1", "next-router-state-tree": "%5B%5D" } },
      { headers: { accept: "text/x-component" } },
    ];
    for (const init of variants) {
      const answer = await fetch(`${edge.url}/products/tee`, init);
      expect(answer.headers.get("x-cache")).toBe("BYPASS");
      expect(answer.headers.get("cache-status")).toBe("edge-proxy; fwd=bypass; detail=rsc");
    }
    const rscParam = await fetch(`${edge.url}/products/tee?_rsc=1x2y`, { headers: { rsc: "1" } });
    expect(await rscParam.text()).toBe("0:flight");
    expect(renders(storefront, "/products/tee")).toBe(1 + variants.length + 1);
    // and an RSC answer never becomes an HTML entry
    const doc = await fetch(`${edge.url}/products/tee`);
    expect(doc.headers.get("x-cache")).toBe("HIT");
    expect(await doc.text()).toContain("document");
  });

  test("answers that set cookies are never stored", async () => {
    const { edge, storefront } = await setup(() =>
      htmlPage("with cookie", { "set-cookie": "session=abc; Path=/" }),
    );
    const first = await fetch(`${edge.url}/`);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(first.headers.get("set-cookie")).toBe("session=abc; Path=/");
    const second = await fetch(`${edge.url}/`);
    expect(second.headers.get("x-cache")).toBe("MISS");
    expect(renders(storefront)).toBe(2);
  });

  test("pages without Surrogate-Control that are private/no-store are not stored", async () => {
    const { edge, storefront } = await setup(
      () =>
        new Response("<p>dynamic</p>", {
          headers: { "content-type": "text/html", "cache-control": "private, no-store" },
        }),
    );
    await fetch(`${edge.url}/search?q=tee`);
    const again = await fetch(`${edge.url}/search?q=tee`);
    expect(again.headers.get("x-cache")).toBe("MISS");
    expect(again.headers.get("cache-status")).toContain('detail="cache-control: no-store"');
    expect(renders(storefront)).toBe(2);
  });

  test("gzip is served from the same entry when the browser accepts it", async () => {
    const { edge } = await setup(() => htmlPage("z".repeat(4000)));
    await fetch(`${edge.url}/`);
    const zipped = await fetch(`${edge.url}/`, {
      headers: { "accept-encoding": "gzip, br" },
      decompress: false,
    } as RequestInit);
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toContain("Accept-Encoding");
    expect(Bun.gunzipSync(new Uint8Array(await zipped.arrayBuffer())).byteLength).toBeGreaterThan(
      4000,
    );
    const plain = await fetch(`${edge.url}/`, {
      headers: { "accept-encoding": "identity" },
      decompress: false,
    } as RequestInit);
    expect(plain.headers.has("content-encoding")).toBe(false);
  });

  test("HEAD is answered from the cache without a body", async () => {
    const { edge, storefront } = await setup(() => htmlPage("home"));
    await fetch(`${edge.url}/`);
    const head = await fetch(`${edge.url}/`, { method: "HEAD" });
    expect(head.headers.get("x-cache")).toBe("HIT");
    expect(await head.text()).toBe("");
    expect(renders(storefront)).toBe(1);
  });

  test("a page the storefront does not render (404) is shared with waiters but not stored", async () => {
    const { edge, storefront } = await setup(() => htmlPage("not found", {}, 404));
    const first = await fetch(`${edge.url}/products/missing`);
    expect(first.status).toBe(404);
    expect((await fetch(`${edge.url}/products/missing`)).headers.get("x-cache")).toBe("MISS");
    expect(renders(storefront)).toBe(2);
  });
});
