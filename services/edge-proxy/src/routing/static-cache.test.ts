import { afterEach, describe, expect, test } from "bun:test";
import {
  cleanupPrefix,
  edgeWithStorefront,
  startEdge,
  startServer,
  tracker,
} from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());

const chunk = "console.log('chunk');".repeat(200);

function assets(request: Request): Response {
  const path = new URL(request.url).pathname;
  if (path === "/_next/static/chunks/app.js") {
    return new Response(chunk, {
      headers: {
        "content-type": "application/javascript; charset=UTF-8",
        "cache-control": "public, max-age=31536000, immutable",
      },
    });
  }
  if (path === "/_next/static/mutable.js")
    return new Response("let x = 1;", { headers: { "cache-control": "public, max-age=0" } });
  return new Response("missing", { status: 404 });
}

describe("immutable build assets", () => {
  test("are fetched once and then answered from memory, gzipped when the browser takes it", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, assets);
    const first = await fetch(`${edge.url}/_next/static/chunks/app.js`);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(await first.text()).toBe(chunk);
    const second = await fetch(`${edge.url}/_next/static/chunks/app.js`, {
      headers: { "accept-encoding": "gzip" },
      decompress: false,
    } as RequestInit);
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("content-encoding")).toBe("gzip");
    expect(second.headers.get("content-type")).toBe("application/javascript; charset=UTF-8");
    expect(second.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(
      new TextDecoder().decode(Bun.gunzipSync(new Uint8Array(await second.arrayBuffer()))),
    ).toBe(chunk);
    expect(storefront.seen).toHaveLength(1);
    expect(storefront.seen[0]!.headers.get("cookie")).toBeNull();
  });

  test("anything not marked immutable, and errors, pass through every time", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, assets);
    for (let i = 0; i < 2; i++) {
      expect(await (await fetch(`${edge.url}/_next/static/mutable.js`)).text()).toBe("let x = 1;");
      expect((await fetch(`${edge.url}/_next/static/nope.js`)).status).toBe(404);
    }
    expect(storefront.seen).toHaveLength(4);
  });

  test("can be switched off", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, assets, {
      env: { ENABLE_STATIC_CACHE: "false" },
    });
    await fetch(`${edge.url}/_next/static/chunks/app.js`);
    const again = await fetch(`${edge.url}/_next/static/chunks/app.js`);
    expect(again.headers.get("x-cache")).toBe("BYPASS");
    expect(storefront.seen).toHaveLength(2);
  });
});

describe("product images", () => {
  test("content-hashed images from the gateway are kept in memory without the per-request headers", async () => {
    const image = new Uint8Array(5000).fill(7);
    const gateway = startServer(
      () =>
        new Response(image, {
          headers: {
            "content-type": "image/webp",
            "cache-control": "public, max-age=31536000, immutable",
            ratelimit: '"images";r=99;t=60',
          },
        }),
    );
    const edge = await startEdge({ gateway: gateway.url });
    track.add(async () => {
      await edge.stop();
      await gateway.stop();
      await cleanupPrefix(edge.prefix);
    });
    const first = await fetch(`${edge.url}/images/ab12.webp`, {
      headers: { cookie: "access_token=secret" },
    });
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(image);
    const second = await fetch(`${edge.url}/images/ab12.webp`);
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("content-type")).toBe("image/webp");
    expect(second.headers.has("ratelimit")).toBe(false);
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(image);
    expect(gateway.seen).toHaveLength(1);
    expect(gateway.seen[0]!.headers.get("cookie")).toBeNull();
    expect(gateway.seen[0]!.headers.get("host")).toBe(new URL(gateway.url).host);
  });
});
