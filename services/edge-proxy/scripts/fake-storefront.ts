/**
 * A stand-in storefront for measuring the edge alone: serves a ~30 KB HTML page on every path with
 * the catalogue pages' Surrogate-Control header, and counts renders at /__renders.
 * Usage: PORT=44100 bun scripts/fake-storefront.ts
 */
const port = Number(Bun.env.PORT ?? 44100);
const row = '<li class="product"><a href="/products/p">상품 이름</a><span>29,000원</span></li>\n';
const html = `<!doctype html><html lang="ko"><head><title>shop</title></head><body><ul>${row.repeat(380)}</ul></body></html>`;
let renders = 0;

const server = Bun.serve({
  port,
  fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/__renders") return Response.json({ renders });
    if (url.pathname === "/health") return Response.json({ status: "ok" });
    renders += 1;
    return new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
        "surrogate-control": "max-age=60, stale-while-revalidate=300, stale-if-error=86400",
      },
    });
  },
});
console.log(`fake storefront on :${server.port}, page ${html.length} bytes`);
