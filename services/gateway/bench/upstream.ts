/** Bench upstream: a bare node:http server with a small JSON answer, a ~6 KB home page and a JWKS. */
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 43101);
const jwks = process.argv[3] ?? '{"keys":[]}';
const small = JSON.stringify({ id: "p-1", name: "bench", price: 29000 });
const home = JSON.stringify({
  components: Array.from({ length: 24 }, (_, i) => ({
    id: `c${i}`,
    type: "featuredProducts",
    title: `상품 ${i}`,
    visible: true,
    data: { price: 10000 + i, text: "x".repeat(180) },
  })),
  degraded: [],
});

let writes = 0;

createServer((req, res) => {
  if (req.method === "POST" && req.url === "/api/bench-write") {
    // A write that takes a moment, so duplicates arrive while it is in flight.
    req.resume();
    req.on("end", () => {
      writes++;
      setTimeout(
        () =>
          res
            .writeHead(201, { "content-type": "application/json" })
            .end(JSON.stringify({ orderId: writes })),
        50,
      );
    });
  } else if (req.url === "/__writes") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ writes }));
  } else if (req.url === "/.well-known/jwks.json") {
    res.writeHead(200, { "content-type": "application/json" }).end(jwks);
  } else if (req.url === "/api/home") {
    res
      .writeHead(200, {
        "content-type": "application/json",
        "cache-control": "public, s-maxage=300",
      })
      .end(home);
  } else {
    res.writeHead(200, { "content-type": "application/json" }).end(small);
  }
}).listen(port, "127.0.0.1");
