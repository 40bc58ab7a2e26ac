/** A tiny real HTTP server for test fakes of other services: JSON in, JSON out, internal key checked. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const INTERNAL_KEY = "test-internal-key";

export type Handler = (req: {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

export interface FakeServer {
  url: string;
  port: number;
  calls: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

export async function startFake(handler: Handler, port = 0): Promise<FakeServer> {
  const calls: FakeServer["calls"] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", async () => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      calls.push({ method: req.method ?? "GET", path });
      if (path.startsWith("/internal/") && req.headers["x-internal-key"] !== INTERNAL_KEY) {
        res
          .writeHead(401, { "content-type": "application/problem+json" })
          .end(JSON.stringify({ code: "INTERNAL_AUTH_REQUIRED", status: 401 }));
        return;
      }
      try {
        const out = await handler({
          method: req.method ?? "GET",
          path,
          body: raw ? JSON.parse(raw) : undefined,
          headers: req.headers,
        });
        const type = out.status >= 400 ? "application/problem+json" : "application/json";
        res
          .writeHead(out.status, { "content-type": type })
          .end(out.body === undefined ? "" : JSON.stringify(out.body));
      } catch (error) {
        res
          .writeHead(500, { "content-type": "application/problem+json" })
          .end(JSON.stringify({ code: "INTERNAL_ERROR", detail: String(error) }));
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
