/** The hit-ratio mix: shares per kind, a long tail, campaign variants, and a file load/mix.lua reads. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { MIX_SHARES, buildMix, writeMix, zipf } from "./mix.js";

const catalogue = {
  categories: ["fashion", "beauty", "food", "living", "digital", "sports", "kids", "pets"],
  products: Array.from({ length: 64 }, (_, i) => `item${i % 7}-model-${i}`),
};

const sumOf = (kind: string) =>
  buildMix(catalogue)
    .filter((e) => e.kind === kind)
    .reduce((s, e) => s + e.weight, 0);

test("zipf weights sum to 1 and fall with rank", () => {
  const w = zipf(10);
  assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  for (let i = 1; i < w.length; i++) assert.ok(w[i]! < w[i - 1]!);
  assert.ok(Math.abs(w[0]! / w[1]! - 2) < 1e-9, "the top item is twice as popular as the second");
});

test("each kind gets its configured share of the requests", () => {
  const pageShare =
    MIX_SHARES.home +
    MIX_SHARES.categoryIndex +
    MIX_SHARES.category +
    MIX_SHARES.product +
    MIX_SHARES.search;
  assert.ok(Math.abs(sumOf("page") - pageShare) < 1e-4);
  assert.ok(Math.abs(sumOf("rsc") - MIX_SHARES.rsc) < 1e-4);
  assert.ok(Math.abs(sumOf("api") - MIX_SHARES.api) < 1e-4);
});

test("pages come from the catalogue, with campaign variants and only parameters the pages read", () => {
  const mix = buildMix(catalogue);
  const pages = mix.filter((e) => e.kind === "page").map((e) => new URL(e.path, "http://x"));
  assert.ok(pages.some((u) => u.pathname === "/products/item0-model-0"));
  assert.ok(
    pages.some(
      (u) => u.pathname === "/categories/pets" && u.searchParams.get("sort") === "price_desc",
    ),
  );
  assert.ok(
    pages.some((u) => u.pathname === "/" && u.searchParams.get("utm_source") === "newsletter"),
  );
  const known = new Set([
    "sort",
    "page",
    "onSale",
    "isNew",
    "q",
    "utm_source",
    "utm_medium",
    "utm_campaign",
  ]);
  for (const u of pages) for (const name of u.searchParams.keys()) assert.ok(known.has(name), name);
  const top = mix.find((e) => e.path === "/products/item0-model-0")!.weight;
  const tail = mix.find((e) => e.path === "/products/item0-model-63")!.weight;
  assert.ok(top > 50 * tail, "product popularity has a long tail");
});

test("the mix file has one weighted line per entry in the format mix.lua parses", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-mix-"));
  try {
    const entries = buildMix(catalogue);
    const distinct = writeMix(join(dir, "mix.tsv"), entries);
    const lines = readFileSync(join(dir, "mix.tsv"), "utf8").trim().split("\n");
    assert.equal(lines.length, entries.length);
    assert.equal(distinct, new Set(entries.map((e) => e.path)).size);
    for (const line of lines) assert.match(line, /^[\d.]+\t(page|rsc|api)\t\/\S*$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
