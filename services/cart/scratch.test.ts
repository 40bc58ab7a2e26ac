import { createRevocationList } from "@shop/platform/redis";
for (let i = 0; i < 20; i++) {
  const r = createRevocationList("redis://127.0.0.1:6379/15", { prefix: "scratch:x:" });
  await r.start();
  await r.close();
}
console.log("done");
