/**
 * The bare upstream of the gateway benchmarks: a plain node:http server in its own process that
 * counts what reaches it. GET /bench/echo answers a small JSON, GET /bench/home the bytes of the
 * real /api/home (so the cached-HIT comparison serves equal bodies), POST /bench/echo is a write
 * that takes a moment (so duplicates arrive while it runs), GET /__counts reports the counters.
 *
 * Usage: node --import tsx upstream/echo-server.ts <port> [home-body-file] [write-delay-ms]
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 48101);
const home = process.argv[3] ? readFileSync(process.argv[3]) : Buffer.from("{}");
const writeDelayMs = Number(process.argv[4] ?? 200);
const small = Buffer.from(JSON.stringify({ id: "p-1", name: "bench", price: 29000 }));
const counts = { gets: 0, posts: 0 };

const json = { "content-type": "application/json" };

createServer((req, res) => {
  if (req.method === "GET" && req.url === "/bench/echo") {
    counts.gets++;
    res.writeHead(200, { ...json, "content-length": small.length }).end(small);
  } else if (req.method === "GET" && req.url === "/bench/home") {
    counts.gets++;
    res.writeHead(200, { ...json, "content-length": home.length }).end(home);
  } else if (req.method === "POST" && req.url === "/bench/echo") {
    req.resume();
    req.on("end", () => {
      const execution = ++counts.posts;
      setTimeout(() => res.writeHead(201, json).end(JSON.stringify({ execution })), writeDelayMs);
    });
  } else if (req.url === "/__counts") {
    res.writeHead(200, json).end(JSON.stringify(counts));
  } else {
    res.writeHead(404, json).end('{"error":"not found"}');
  }
}).listen(port, "127.0.0.1");

process.on("SIGTERM", () => process.exit(0));
