import assert from "node:assert/strict";
import { test } from "node:test";
import { routeParam } from "./route-param";

test("a percent-encoded Hangul slug is decoded once", () => {
  const slug = "심플-티셔츠";
  assert.equal(routeParam(encodeURIComponent(slug)), slug);
  assert.equal(routeParam(slug), slug, "an already decoded slug is left alone");
});

test("plain and malformed values pass through unchanged", () => {
  assert.equal(routeParam("simple-tshirt"), "simple-tshirt");
  assert.equal(routeParam("broken-%E0%A4%A"), "broken-%E0%A4%A");
});
