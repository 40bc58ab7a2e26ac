/**
 * The floor of a Node.js proxy, as a reference row beside the gateway: node:http in front of an
 * undici Pool with keep-alive, piping the answer through, and nothing else (no token, no rate
 * limit, no request id, no routing). What the gateway costs beyond it is the gateway's own work.
 *
 * Usage: node --import tsx upstream/minimal-proxy.ts <port> <upstream origin>
 */
import { createServer } from "node:http";
import { Pool } from "undici";

const port = Number(process.argv[2] ?? 48104);
const pool = new Pool(process.argv[3] ?? "http://127.0.0.1:48101", { connections: 128 });

createServer((req, res) => {
  pool
    .request({
      path: req.url ?? "/",
      method: "GET",
      headers: { authorization: req.headers.authorization },
    })
    .then(({ statusCode, headers, body }) => {
      const out: Record<string, string> = { "content-type": String(headers["content-type"] ?? "") };
      if (headers["content-length"]) out["content-length"] = String(headers["content-length"]);
      res.writeHead(statusCode, out);
      body.pipe(res);
    })
    .catch(() => res.writeHead(502).end());
}).listen(port, "127.0.0.1");

process.on("SIGTERM", () => process.exit(0));
