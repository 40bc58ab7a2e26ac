/** Bench reference: the smallest node:http + undici Pool proxy (no checks at all), to price the gateway's work. */
import { createServer } from "node:http";
import { Pool, type Dispatcher } from "undici";

const [port = "43105", upstream = "http://127.0.0.1:43101"] = process.argv.slice(2);
const pool = new Pool(upstream, { connections: 128 });

createServer((req, res) => {
  const handler: Dispatcher.DispatchHandler = {
    onConnect() {},
    onHeaders(status, raw) {
      const headers: string[] = [];
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i]!.toString("latin1");
        const lower = name.toLowerCase();
        if (lower !== "connection" && lower !== "keep-alive" && lower !== "transfer-encoding")
          headers.push(name, raw[i + 1]!.toString("latin1"));
      }
      res.writeHead(status, headers);
      return true;
    },
    onData: (chunk) => res.write(chunk),
    onComplete: () => res.end(),
    onError: () => res.writeHead(502).end(),
  };
  pool.dispatch(
    { path: req.url ?? "/", method: "GET", headers: req.rawHeaders, body: null },
    handler,
  );
}).listen(Number(port), "127.0.0.1");
