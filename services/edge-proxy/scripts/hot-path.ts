/**
 * CPU cost of one cache HIT inside the handler (no sockets): builds the app against a stand-in
 * storefront, fills one page, then times app.fetch for the same request many times.
 * Usage: bun scripts/hot-path.ts [iterations=200000]
 */
import { RedisClient } from "bun";
import { buildApp } from "../src/app.js";
import { readConfig } from "../src/config.js";

const iterations = Number(Bun.argv[2] ?? 200_000);
const prefix = `edge-hot:${crypto.randomUUID().slice(0, 8)}:`;
const html = "<li>상품</li>".repeat(2500);
const origin = Bun.serve({
  port: 0,
  fetch: () =>
    new Response(html, {
      headers: { "content-type": "text/html", "surrogate-control": "max-age=600" },
    }),
});
const app = buildApp(
  readConfig({
    LOG_LEVEL: "silent",
    STOREFRONT_URL: `http://127.0.0.1:${origin.port}`,
    REDIS_URL: "redis://127.0.0.1:6379/15",
    REDIS_PREFIX: prefix,
  }),
);
await app.start();
const request = new Request("http://shop.local/categories?category=shoes&utm_source=x", {
  headers: {
    host: "shop.local",
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130",
    accept: "text/html",
  },
});
const first = await app.fetch(request);
console.log("fill:", first.headers.get("x-cache"));
for (let round = 0; round < 3; round++) {
  const t0 = Bun.nanoseconds();
  for (let i = 0; i < iterations; i++) {
    const response = app.fetch(request) as Response;
    if (i === 0 && response.headers.get("x-cache") !== "HIT") throw new Error("not a hit");
  }
  console.log(`round ${round}: ${((Bun.nanoseconds() - t0) / iterations).toFixed(0)} ns per hit`);
}
await app.close();
origin.stop(true);
const redis = new RedisClient("redis://127.0.0.1:6379/15");
const keys = (await redis.send("KEYS", [`${prefix}*`])) as string[];
if (keys.length) await redis.send("DEL", keys);
redis.close();
process.exit(0);
