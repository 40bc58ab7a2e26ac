/**
 * The benchmark's view of the bench stack (ports + 20000, Redis DB 2, databases shop_bench_*):
 * started with the launcher's library, plus the calls the suites need — edge stats and purges,
 * a real guest token, and the seeded catalogue.
 */
import { get as httpGet } from "node:http";
import type { RunningStack } from "../../infra/launcher/stack.js";

export type { RunningStack };

export interface EdgeCounters {
  hit: number;
  stale: number;
  miss: number;
  collapsed: number;
  bypass: number;
  renders: number;
  failed: number;
  hitRatio: number;
}

function internal(stack: RunningStack): Record<string, string> {
  return { "x-internal-key": stack.secrets.INTERNAL_KEY };
}

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** GET /_edge/stats (the HTML cache counters since the edge started). */
export async function edgeStats(stack: RunningStack): Promise<EdgeCounters> {
  const res = await fetch(`${stack.urls["edge-proxy"]}/_edge/stats`, { headers: internal(stack) });
  return (await json<{ html: EdgeCounters }>(res, "edge stats")).html;
}

/** POST /_edge/purge: `paths` (e.g. ["/"]) or everything. */
export async function edgePurge(stack: RunningStack, paths?: string[]): Promise<number> {
  const res = await fetch(`${stack.urls["edge-proxy"]}/_edge/purge`, {
    method: "POST",
    headers: { ...internal(stack), "content-type": "application/json" },
    body: JSON.stringify(paths ? { paths } : { all: true }),
  });
  return (await json<{ purged: number }>(res, "edge purge")).purged;
}

/** The difference of two counter snapshots (hit ratio recomputed over the window). */
export function counterDelta(before: EdgeCounters, after: EdgeCounters): EdgeCounters {
  const d = (k: keyof EdgeCounters) => after[k] - before[k];
  const served = d("hit") + d("stale") + d("collapsed");
  const cacheable = served + d("miss") + d("failed");
  return {
    hit: d("hit"),
    stale: d("stale"),
    miss: d("miss"),
    collapsed: d("collapsed"),
    bypass: d("bypass"),
    renders: d("renders"),
    failed: d("failed"),
    hitRatio: cacheable ? served / cacheable : 0,
  };
}

/** A real guest access token from the stack's auth, minted the way the edge proxy does it. */
export async function guestToken(stack: RunningStack): Promise<string> {
  const basic = Buffer.from(`edge-proxy:${stack.secrets.AUTH_CLIENT_KEY}`).toString("base64");
  const res = await fetch(`${stack.urls.auth}/api/auth/guest`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/json" },
    body: "{}",
  });
  return (await json<{ accessToken: string }>(res, "guest token")).accessToken;
}

export interface Catalogue {
  categories: string[];
  products: string[];
}

/** Category and product slugs of the seeded catalogue, straight from the product service. */
export async function catalogue(stack: RunningStack): Promise<Catalogue> {
  const base = stack.urls.product;
  const categories = await json<{ items: Array<{ slug: string }> }>(
    await fetch(`${base}/api/v1/categories`),
    "categories",
  );
  const products: string[] = [];
  for (let page = 1; page <= 20; page++) {
    const list = await json<{ items: Array<{ slug: string }>; totalPages: number }>(
      await fetch(`${base}/api/v1/products?limit=100&page=${page}&sort=popular`),
      "products",
    );
    products.push(...list.items.map((p) => p.slug));
    if (page >= list.totalPages) break;
  }
  if (categories.items.length === 0 || products.length === 0) {
    throw new Error("the bench stack's catalogue is empty: the product service did not seed it");
  }
  return { categories: categories.items.map((c) => c.slug), products };
}

/**
 * One GET with the size of the body as sent (no decompression, unlike fetch) and its headers.
 * Without an Accept-Encoding header the answer is identity, like wrk's.
 */
export function probe(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; bytes: number; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { headers, agent: false }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => {
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        resolve({ status: res.statusCode ?? 0, bytes, headers: out });
      });
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${url}: no answer in 30 s`)));
    req.on("error", reject);
  });
}
