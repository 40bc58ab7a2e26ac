/**
 * A small real HTTP stand-in for the product service's agreed API, used while the real service
 * is being written. It serves a fixed in-memory catalogue and records what it was asked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";

export interface FakeProduct {
  url: string;
  calls: string[];
  /** Extra delay (ms) per path prefix, to play a slow upstream. */
  delays: Map<string, number>;
  failing: Set<string>;
  close(): Promise<void>;
}

const categories = ["clothing", "shoes", "bags"].map((slug, i) => ({
  id: randomUUID(),
  name: slug,
  slug,
  iconCode: `icon-${slug}`,
  sortOrder: i + 1,
}));

const products = Array.from({ length: 12 }, (_, i) => {
  const category = categories[i % 3]!;
  const price = 10_000 + i * 1_000;
  return {
    id: randomUUID(),
    name: `Product ${i}`,
    slug: `product-${i}`,
    brand: "Fakebrand",
    categoryId: category.id,
    price,
    originalPrice: i % 2 ? price + 5_000 : null,
    discountRate: i % 2 ? Math.round((5_000 / (price + 5_000)) * 100) : 0,
    ratingAverage: 4.5,
    reviewCount: 2,
    isNew: i < 4,
    isFeatured: i % 3 === 0,
    mainImageUrl: `/images/p${i}.webp`,
    colours: [{ value: "black", label: "Black", hex: "#000000" }],
    stock: 10,
    description: "A fake product",
    options: [{ id: randomUUID(), type: "colour", value: "black" }],
    images: [{ id: randomUUID(), url: `/images/p${i}.webp`, width: 800, height: 800 }],
    category,
  };
});

const reviews = products.flatMap((p) =>
  [5, 4].map((rating) => ({
    id: randomUUID(),
    productId: p.id,
    rating,
    text: "ok",
    createdAt: new Date().toISOString(),
  })),
);

export async function startFakeProduct(): Promise<FakeProduct> {
  const calls: string[] = [];
  const delays = new Map<string, number>();
  const failing = new Set<string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    calls.push(`${req.method} ${url.pathname}${url.search}`);
    const delay = [...delays].find(([prefix]) => url.pathname.startsWith(prefix))?.[1] ?? 0;
    setTimeout(() => {
      if ([...failing].some((prefix) => url.pathname.startsWith(prefix)))
        return send(res, 503, problem(503, "UPSTREAM_UNAVAILABLE"));
      route(req, res, url).catch(() => send(res, 500, problem(500, "INTERNAL_ERROR")));
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    delays,
    failing,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  if (path === "/health") return send(res, 200, { status: "ok" });
  if (path === "/api/v1/categories") return send(res, 200, { items: categories });
  if (path === "/api/v1/reviews")
    return send(res, 200, { items: reviews.slice(0, Number(url.searchParams.get("limit") ?? 6)) });
  if (path === "/api/v1/products" && req.method === "GET")
    return send(res, 200, list(url.searchParams));
  const reviewMatch = /^\/api\/v1\/products\/([^/]+)\/reviews$/.exec(path);
  if (reviewMatch) {
    const items = reviews.filter((r) => r.productId === reviewMatch[1]);
    return send(res, 200, { items, page: 1, limit: 5, total: items.length, totalPages: 1 });
  }
  const productMatch = /^\/api\/v1\/products\/([^/]+)$/.exec(path);
  if (productMatch) {
    const found = products.find((p) => p.id === productMatch[1] || p.slug === productMatch[1]);
    return found ? send(res, 200, found) : send(res, 404, problem(404, "PRODUCT_NOT_FOUND"));
  }
  if (path === "/api/v1/images" && req.method === "POST") return upload(req, res);
  if (path === "/api/v1/products" && req.method === "POST") return create(req, res);
  send(res, 404, problem(404, "ROUTE_NOT_FOUND"));
}

function list(params: URLSearchParams) {
  let items = products.slice();
  const category = params.get("category");
  if (category)
    items = items.filter((p) => p.categoryId === category || p.category.slug === category);
  if (params.get("featured") === "true") items = items.filter((p) => p.isFeatured);
  if (params.get("isNew") === "true") items = items.filter((p) => p.isNew);
  const min = Number(params.get("minPrice") ?? 0);
  items = items.filter((p) => p.price >= min);
  if (params.get("sort") === "price_desc") items.sort((a, b) => b.price - a.price);
  const page = Number(params.get("page") ?? 1);
  const limit = Number(params.get("limit") ?? 20);
  return {
    items: items.slice((page - 1) * limit, page * limit),
    page,
    limit,
    total: items.length,
    totalPages: Math.ceil(items.length / limit),
  };
}

function isAdmin(req: IncomingMessage): boolean {
  return req.headers.authorization === "Bearer admin-token";
}

async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isAdmin(req)) return send(res, 403, problem(403, "FORBIDDEN"));
  const form = await new Request("http://fake/", {
    method: "POST",
    headers: { "content-type": req.headers["content-type"] ?? "" },
    body: await readBody(req),
  }).formData();
  const files = form.getAll("images").filter((f): f is File => typeof f !== "string");
  for (const file of files) {
    const head = Buffer.from(await file.arrayBuffer()).subarray(0, 4);
    if (head[0] !== 0x89 || head[1] !== 0x50) return send(res, 415, problem(415, "IMAGE_INVALID"));
  }
  send(res, 201, {
    items: files.map((_, i) => ({
      id: randomUUID(),
      url: `/images/u${i}.webp`,
      width: 1,
      height: 1,
    })),
  });
}

async function create(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isAdmin(req)) return send(res, 403, problem(403, "FORBIDDEN"));
  const body = JSON.parse((await readBody(req)).toString()) as Record<string, unknown>;
  send(res, 201, { ...products[0]!, ...body, id: randomUUID() });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function problem(status: number, code: string) {
  return { type: "about:blank", title: code, status, detail: code, code };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": status >= 400 ? "application/problem+json" : "application/json",
  });
  res.end(json);
}
