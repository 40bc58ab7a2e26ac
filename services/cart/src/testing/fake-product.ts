/**
 * A small real HTTP stand-in for the product service's internal lookup, used until the real
 * service runs. Tests set prices and stock in `catalogue`.
 */
import { createServer, type Server } from "node:http";

export interface FakeItem {
  name: string;
  price: number;
  available: number;
  status?: string;
  options?: Record<string, { label: string; available: number; extra?: number }>;
}

export interface FakeProduct {
  url: string;
  catalogue: Map<string, FakeItem>;
  lookups: number;
  close(): Promise<void>;
}

export async function startFakeProduct(internalKey: string): Promise<FakeProduct> {
  const catalogue = new Map<string, FakeItem>();
  const state = { lookups: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url === "/health") return void res.writeHead(200).end("{}");
      if (
        req.url !== "/internal/products/lookup" ||
        req.headers["x-internal-key"] !== internalKey
      ) {
        return void res.writeHead(404).end();
      }
      state.lookups++;
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        items: Array<{ productId: string; optionId?: string }>;
      };
      const items = body.items.map(({ productId, optionId }) => {
        const product = catalogue.get(productId);
        const option = optionId ? product?.options?.[optionId] : undefined;
        const found = Boolean(product) && (!optionId || Boolean(option));
        return {
          productId,
          optionId: optionId ?? null,
          found,
          name: found ? product!.name : null,
          slug: found ? productId : null,
          brand: found ? "Testbrand" : null,
          imageUrl: found ? `/images/${productId}.webp` : null,
          optionLabel: option?.label ?? null,
          unitPrice: found ? product!.price + (option?.extra ?? 0) : null,
          originalPrice: null,
          available: found ? (option ? option.available : product!.available) : 0,
          status: found ? (product!.status ?? "active") : null,
        };
      });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    catalogue,
    get lookups() {
      return state.lookups;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
