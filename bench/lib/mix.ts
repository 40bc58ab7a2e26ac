/**
 * The realistic request mix of the hit-ratio run, built from the seeded catalogue: home, category
 * pages with sorts, filters and pages, product pages with a long-tail popularity, searches, client
 * navigations (RSC, never cached) and public API reads — some with campaign parameters, which the
 * edge drops from its key. Written as `<weight>\t<kind>\t<path>` lines for load/mix.lua.
 */
import { writeFileSync } from "node:fs";
import type { Catalogue } from "./stack.js";

export type MixKind = "page" | "rsc" | "api";

export interface MixEntry {
  weight: number;
  kind: MixKind;
  path: string;
}

/** Share of all requests per kind of page (sums to 1). */
export const MIX_SHARES = {
  home: 0.22,
  categoryIndex: 0.03,
  category: 0.24,
  product: 0.2,
  search: 0.04,
  rsc: 0.09,
  api: 0.18,
} as const;

const SORTS: Array<[string | undefined, number]> = [
  [undefined, 0.55],
  ["popular", 0.15],
  ["price_asc", 0.12],
  ["price_desc", 0.1],
  ["rating", 0.08],
];
const FILTERS: Array<[string | undefined, number]> = [
  [undefined, 0.8],
  ["onSale=1", 0.12],
  ["isNew=1", 0.08],
];
/** A share of page views arriving from a campaign link. */
const CAMPAIGN = "utm_source=newsletter&utm_medium=email&utm_campaign=spring";
const CAMPAIGN_SHARE = 0.15;

/** Zipf-like popularity: the n-th item gets 1 / n^s of the weight, normalised to sum to 1. */
export function zipf(count: number, s = 1): number[] {
  const raw = Array.from({ length: count }, (_, i) => 1 / (i + 1) ** s);
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
}

function query(params: Array<string | undefined>): string {
  const kept = params.filter(Boolean);
  return kept.length ? `?${kept.join("&")}` : "";
}

function categoryPaths(categories: string[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  zipf(categories.length, 0.8).forEach((cw, i) => {
    for (const [sort, sw] of SORTS)
      for (const [filter, fw] of FILTERS)
        out.push([
          `/categories/${categories[i]}${query([sort && `sort=${sort}`, filter])}`,
          cw * sw * fw,
        ]);
  });
  return out;
}

/** Adds the campaign variant of each page view (same page for the edge: the key drops utm_*). */
function withCampaign(path: string, weight: number): Array<[string, number]> {
  const joiner = path.includes("?") ? "&" : "?";
  return [
    [path, weight * (1 - CAMPAIGN_SHARE)],
    [`${path}${joiner}${CAMPAIGN}`, weight * CAMPAIGN_SHARE],
  ];
}

export function buildMix(cat: Catalogue): MixEntry[] {
  const entries: MixEntry[] = [];
  const add = (kind: MixKind, share: number, weighted: Array<[string, number]>) => {
    for (const [path, w] of weighted) entries.push({ kind, path, weight: share * w });
  };
  const productWeights = zipf(cat.products.length).map((w, i): [string, number] => [
    `/products/${cat.products[i]}`,
    w,
  ]);
  const categories = categoryPaths(cat.categories);
  const searchWords = [...new Set(cat.products.map((slug) => slug.split("-")[0]!))].slice(0, 6);

  add("page", MIX_SHARES.home, withCampaign("/", 1));
  add("page", MIX_SHARES.categoryIndex, [["/categories", 1]]);
  add(
    "page",
    MIX_SHARES.category,
    categories.flatMap(([p, w]) => withCampaign(p, w)),
  );
  add(
    "page",
    MIX_SHARES.product,
    productWeights.flatMap(([p, w]) => withCampaign(p, w)),
  );
  add(
    "page",
    MIX_SHARES.search,
    zipf(searchWords.length).map((w, i) => [`/search?q=${searchWords[i]}`, w]),
  );
  // Client navigations fetch the RSC payload of the next page: half category, half product pages
  // (`?_rsc` with the RSC header is what Next answers without a redirect when there is no router state).
  const rsc = (weighted: Array<[string, number]>) =>
    weighted.map(([p, w]): [string, number] => [`${p}?_rsc`, w]);
  const plainCategories = categories.filter(([p]) => !p.includes("?"));
  add(
    "rsc",
    MIX_SHARES.rsc / 2,
    rsc(plainCategories.map(([p]) => [p, 1 / plainCategories.length])),
  );
  add("rsc", MIX_SHARES.rsc / 2, rsc(productWeights));
  const api: Array<[string, number]> = [
    ["/api/home", 0.25],
    ...zipf(cat.categories.length).map((w, i): [string, number] => [
      `/api/categories?category=${cat.categories[i]}`,
      0.3 * w,
    ]),
    ...productWeights.map(([p, w]): [string, number] => [`/api${p}`, 0.37 * w]),
    ...zipf(cat.categories.length).map((w, i): [string, number] => [
      `/api/v1/products?category=${cat.categories[i]}&limit=20`,
      0.08 * w,
    ]),
  ];
  add("api", MIX_SHARES.api, api);
  return entries.filter((e) => e.weight > 1e-6);
}

/** Writes the mix for load/mix.lua; returns the number of distinct URLs. */
export function writeMix(file: string, entries: MixEntry[]): number {
  writeFileSync(
    file,
    entries.map((e) => `${e.weight.toFixed(8)}\t${e.kind}\t${e.path}`).join("\n") + "\n",
  );
  return new Set(entries.map((e) => e.path)).size;
}
