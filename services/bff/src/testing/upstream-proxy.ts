/**
 * A pass-through HTTP proxy put between the BFF and the real product service in tests, to make
 * chosen paths slow or failing and to see which calls were made.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";

export interface UpstreamProxy {
  url: string;
  /** `METHOD /path?query` of every call seen. */
  calls: string[];
  /** Extra delay (ms) for paths starting with the key. */
  delays: Map<string, number>;
  /** Paths starting with one of these answer 503 without reaching the upstream. */
  failing: Set<string>;
  reset(): void;
  close(): Promise<void>;
}

export async function startUpstreamProxy(target: string): Promise<UpstreamProxy> {
  const calls: string[] = [];
  const delays = new Map<string, number>();
  const failing = new Set<string>();
  const upstream = new URL(target);
  const matches = (path: string, prefixes: Iterable<string>) =>
    [...prefixes].some((p) => path.startsWith(p));

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const proxied = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(proxied);
  };

  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    calls.push(`${req.method} ${path}`);
    if (matches(path, failing)) {
      req.resume();
      res.writeHead(503, { "content-type": "application/problem+json" });
      res.end(
        JSON.stringify({
          type: "about:blank",
          title: "down",
          status: 503,
          detail: "down",
          code: "UPSTREAM_UNAVAILABLE",
        }),
      );
      return;
    }
    const delay = [...delays].find(([prefix]) => path.startsWith(prefix))?.[1] ?? 0;
    if (delay > 0) setTimeout(() => forward(req, res), delay);
    else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    delays,
    failing,
    reset() {
      calls.length = 0;
      delays.clear();
      failing.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
