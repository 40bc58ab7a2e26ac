/** Pages that are not cached: redirects and streams pass through untouched; request ids travel. */
import { afterEach, describe, expect, test } from "bun:test";
import { edgeWithStorefront, htmlPage, tracker } from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());

describe("pass-through pages", () => {
  test("a storefront redirect reaches the browser untouched (the original's UnexpectedRedirect bug)", async () => {
    const { edge } = await edgeWithStorefront(
      track,
      () =>
        new Response(null, {
          status: 307,
          headers: { location: "/auth/login?redirect=%2Faccount" },
        }),
    );
    const answer = await fetch(`${edge.url}/account`, { redirect: "manual" });
    expect(answer.status).toBe(307);
    expect(answer.headers.get("location")).toBe("/auth/login?redirect=%2Faccount");
    expect(answer.headers.get("x-cache")).toBe("BYPASS");
  });

  test("a redirect on a cached route passes through too and is not stored", async () => {
    const { edge, storefront } = await edgeWithStorefront(
      track,
      () =>
        new Response(null, {
          status: 308,
          headers: { location: "https://shop.example/categories" },
        }),
    );
    for (let i = 0; i < 2; i++) {
      const answer = await fetch(`${edge.url}/categories/`, { redirect: "manual" });
      expect(answer.status).toBe(308);
      expect(answer.headers.get("location")).toBe("https://shop.example/categories");
    }
    expect(storefront.seen.length).toBe(2);
  });

  test("a streamed page streams: the first chunk arrives before the storefront has finished", async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const { edge } = await edgeWithStorefront(track, () => {
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode("<html><body>shell"));
          await finished;
          controller.enqueue(new TextEncoder().encode("<p>late</p></body></html>"));
          controller.close();
        },
      });
      return new Response(stream, { headers: { "content-type": "text/html" } });
    });
    const answer = await fetch(`${edge.url}/account`);
    const reader = answer.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("shell");
    finish();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain("late");
  });

  test("the request id is accepted, forwarded upstream and returned; a missing one is generated", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, () =>
      htmlPage("x", { "surrogate-control": "no-store" }),
    );
    const answer = await fetch(`${edge.url}/cart`, { headers: { "x-request-id": "req-12345" } });
    expect(answer.headers.get("x-request-id")).toBe("req-12345");
    expect(storefront.seen[0]!.headers.get("x-request-id")).toBe("req-12345");
    const generated = await fetch(`${edge.url}/cart`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(storefront.seen[1]!.headers.get("x-request-id")).toBe(
      generated.headers.get("x-request-id"),
    );
  });

  test("the storefront sees the public host and forwarding headers; Surrogate-Control never reaches the browser", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, () => htmlPage("x"));
    const answer = await fetch(`${edge.url}/account`, {
      headers: { host: "shop.example", "x-forwarded-proto": "https" },
    });
    const seen = storefront.seen[0]!.headers;
    expect(seen.get("host")).toBe("shop.example");
    expect(seen.get("x-forwarded-host")).toBe("shop.example");
    expect(seen.get("x-forwarded-proto")).toBe("https");
    expect(seen.get("x-forwarded-for")).toBe("127.0.0.1");
    expect(answer.headers.has("surrogate-control")).toBe(false);
  });

  test("a compressed answer passes with its encoding intact", async () => {
    const { edge } = await edgeWithStorefront(
      track,
      () =>
        new Response(Bun.gzipSync(new TextEncoder().encode("<p>zipped</p>")), {
          headers: { "content-type": "text/html", "content-encoding": "gzip" },
        }),
    );
    const answer = await fetch(`${edge.url}/account`, { headers: { "accept-encoding": "gzip" } });
    expect(answer.headers.get("content-encoding")).toBe("gzip");
    expect(await answer.text()).toBe("<p>zipped</p>");
  });

  test("POST bodies (server actions) are forwarded as sent", async () => {
    const { edge, storefront } = await edgeWithStorefront(track, () => new Response("ok"));
    const answer = await fetch(`${edge.url}/auth/login`, {
      method: "POST",
      headers: {
        "content-type": "text/plain",
        "next-action": "abc",
        origin: "http://shop.example",
        host: "shop.example",
      },
      body: "form-data-here",
    });
    expect(answer.status).toBe(200);
    expect(storefront.seen[0]!.body).toBe("form-data-here");
    expect(storefront.seen[0]!.headers.get("next-action")).toBe("abc");
  });
});
