/** Route matching: order, params, wildcards, HEAD, 405, rewrites and refused paths. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseGatewayFile } from "../gateway-file/load.js";
import { createRouter } from "./router.js";
import { splitTarget } from "./target.js";

const router = createRouter(
  parseGatewayFile(`
upstreams:
  a: { url: "http://127.0.0.1:1" }
routes:
  - { id: review, path: /api/v1/products/:id/reviews, methods: [POST], upstream: a, policy: customer }
  - { id: read, path: /api/v1/*, methods: [GET], upstream: a, policy: public }
  - { id: write, path: /api/v1/*, methods: [POST, DELETE], upstream: a, policy: admin }
  - { id: page, path: /api/products/:idOrSlug, methods: [GET], upstream: a, policy: public }
  - { id: strip, path: /legacy/*, methods: [GET], upstream: a, policy: public, rewrite: { stripPrefix: /legacy, addPrefix: /api/v2 } }
`),
);

describe("router", () => {
  it("takes the first route whose path and method match", () => {
    const review = router.match("POST", "/api/v1/products/p-1/reviews");
    assert.equal(review.kind === "route" && review.route.id, "review");
    assert.deepEqual(review.kind === "route" && review.params, { id: "p-1" });
    const write = router.match("POST", "/api/v1/products");
    assert.equal(write.kind === "route" && write.route.id, "write");
    const read = router.match("GET", "/api/v1/products/p-1/reviews");
    assert.equal(read.kind === "route" && read.route.id, "read");
  });

  it("matches a wildcard on its own prefix and decodes params", () => {
    assert.equal(router.match("GET", "/api/v1").kind, "route");
    const page = router.match("GET", "/api/products/%EC%8B%A0%EB%B0%9C");
    assert.deepEqual(page.kind === "route" && page.params, { idOrSlug: "신발" });
    assert.equal(router.match("GET", "/api/products/a/b").kind, "none");
    assert.equal(router.match("GET", "/api/productsX/a").kind, "none");
  });

  it("answers HEAD where GET is allowed and lists allowed methods otherwise", () => {
    assert.equal(router.match("HEAD", "/api/products/x").kind, "route");
    const wrong = router.match("PUT", "/api/products/x");
    assert.equal(wrong.kind, "method-not-allowed");
    assert.deepEqual(wrong.kind === "method-not-allowed" && wrong.allowed.sort(), ["GET", "HEAD"]);
  });

  it("rewrites paths for the upstream", () => {
    const legacy = router.match("GET", "/legacy/items");
    assert.equal(legacy.kind === "route" && legacy.route.rewrite("/legacy/items"), "/api/v2/items");
    assert.equal(legacy.kind === "route" && legacy.route.rewrite("/legacy"), "/api/v2");
  });

  it("refuses dot segments, encoded separators and empty segments", () => {
    assert.deepEqual(splitTarget("/api/home?x=1"), { path: "/api/home", query: "x=1" });
    for (const bad of [
      "/api/../internal",
      "/api/./x",
      "/api/%2e%2e/x",
      "/api/a%2fb",
      "/api//x",
      "/api\\x",
      "api/x",
    ]) {
      assert.equal(splitTarget(bad), undefined, bad);
    }
  });
});
