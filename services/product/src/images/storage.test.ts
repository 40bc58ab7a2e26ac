// The two image storage drivers behave the same (local disk and S3 against s3rver), and the
// service uploads and serves images through the S3 driver.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { after, before, describe, test } from "node:test";
import S3rver from "s3rver";
import sharp from "sharp";
import { freePort } from "@shop/test-kit";
import { startTestService } from "../test-support.js";
import type { ImageStorage } from "./image-storage.js";
import { LocalImageStorage } from "./storage-local.js";
import { S3ImageStorage } from "./storage-s3.js";

const BUCKET = "product-images-test";
let s3: S3rver;
let s3Url: string;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "product-storage-"));
  const port = await freePort();
  s3 = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory: join(dir, "s3"),
    configureBuckets: [{ name: BUCKET }],
  });
  await s3.run();
  s3Url = `http://127.0.0.1:${port}`;
});
after(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

const s3Storage = (bucket = BUCKET) =>
  new S3ImageStorage({
    bucket,
    region: "us-east-1",
    endpoint: s3Url,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });

const key = (c: string) => `${c.repeat(64)}.webp`;

for (const [name, make] of [
  ["local", () => new LocalImageStorage(join(dir, "local"))],
  ["s3", () => s3Storage()],
] as Array<[string, () => ImageStorage]>) {
  describe(`${name} driver`, () => {
    test("put, has, get, delete", async () => {
      const storage = make();
      await storage.check();
      assert.equal(await storage.has(key("a")), false);
      assert.equal(await storage.get(key("a")), undefined);
      await storage.put(key("a"), Buffer.from("webp bytes"), "image/webp");
      assert.equal(await storage.has(key("a")), true);
      const object = await storage.get(key("a"));
      assert.ok(object);
      assert.equal(object.contentType, "image/webp");
      assert.equal(object.size, 10);
      assert.equal(await text(object.body), "webp bytes");
      await storage.delete(key("a"));
      assert.equal(await storage.has(key("a")), false);
      await storage.delete(key("a"));
    });

    test("keys outside the pattern are never looked up", async () => {
      const storage = make();
      assert.equal(await storage.get("../../etc/passwd"), undefined);
      await assert.rejects(storage.put("../escape.webp", Buffer.from("x"), "image/webp"));
    });
  });
}

test("the S3 readiness check fails for a missing bucket", async () => {
  await assert.rejects(s3Storage("no-such-bucket").check());
});

test("the service uploads, serves and sweeps images through the S3 driver", async () => {
  const storage = s3Storage();
  const svc = await startTestService({ seed: false, storage });
  try {
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: "#ff8800" },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append("files", new Blob([png], { type: "image/png" }), "x.png");
    const res = await svc.api("POST", "/api/v1/images", { token: svc.tokens.admin, form });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const image = res.body.items[0];
    const objectKey = image.url.slice("/images/".length);
    assert.equal(await storage.has(objectKey), true, "stored in the bucket");
    const served = await fetch(svc.url + image.url);
    assert.equal(served.status, 200);
    assert.equal((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width, 64);
    const ready = await svc.api("GET", "/health/ready");
    assert.equal(ready.body.checks.storage.status, "ok");
    const { ImagesService } = await import("./images.service.js");
    await svc.product.app.get(ImagesService).sweep(new Date(Date.now() + 48 * 3600_000));
    assert.equal(await storage.has(objectKey), false, "swept from the bucket");
  } finally {
    await svc.close();
  }
});
