// Image uploads: content checks, limits, metadata stripping, serving, product images, and the sweep.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import { startTestService, type Json, type TestService } from "../test-support.js";
import { detectImageKind } from "./image-processing.js";
import { ImagesService } from "./images.service.js";

let svc: TestService;
before(async () => {
  // A low pixel limit so the limit can be tested with small pictures.
  svc = await startTestService({ env: { IMAGE_MAX_PIXELS: "250000", IMAGE_MAX_SIDE: "400" } });
});
after(() => svc?.close());

const picture = (width = 300, height = 200, colour = "#3366cc") =>
  sharp({ create: { width, height, channels: 3, background: colour } });

function form(files: Array<[Buffer, string, string]>): FormData {
  const data = new FormData();
  for (const [bytes, name, type] of files) data.append("files", new Blob([bytes], { type }), name);
  return data;
}

const upload = (files: Array<[Buffer, string, string]>, path = "/api/v1/images") =>
  svc.api("POST", path, { token: svc.tokens.admin, form: form(files) });

describe("content checks", () => {
  test("magic bytes name the type", async () => {
    assert.equal(detectImageKind(await picture().jpeg().toBuffer()), "jpeg");
    assert.equal(detectImageKind(await picture().png().toBuffer()), "png");
    assert.equal(detectImageKind(await picture().webp().toBuffer()), "webp");
    assert.equal(detectImageKind(await picture().gif().toBuffer()), "gif");
    assert.equal(detectImageKind(await picture(64, 64).avif().toBuffer()), "avif");
    assert.equal(
      detectImageKind(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'></svg>")),
      undefined,
    );
  });

  test("JPEG, PNG, WebP, AVIF and GIF are accepted and stored as WebP", async () => {
    const res = await upload([
      [await picture().jpeg().toBuffer(), "a.jpg", "image/jpeg"],
      [await picture().png().toBuffer(), "b.png", "image/png"],
      [await picture().webp().toBuffer(), "c.webp", "image/webp"],
      [await picture(64, 64).avif().toBuffer(), "d.avif", "image/avif"],
      [await picture().gif().toBuffer(), "e.gif", "image/gif"],
    ]);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.items.length, 5);
    for (const image of res.body.items) {
      assert.match(image.url, /^\/images\/[a-f0-9]{64}\.webp$/);
      assert.equal(image.contentType, "image/webp");
      assert.equal(image.productId, null);
    }
    assert.deepEqual([res.body.items[0].width, res.body.items[0].height], [300, 200]);
  });

  test("a file that is not an image is 415 IMAGE_INVALID, whatever its name or type says", async () => {
    const text = await upload([
      [Buffer.from("hello, I am a text file pretending to be a PNG"), "x.png", "image/png"],
    ]);
    assert.equal(text.status, 415);
    assert.equal(text.body.code, "IMAGE_INVALID");
    const svg = await upload([
      [
        Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"),
        "x.svg",
        "image/svg+xml",
      ],
    ]);
    assert.equal(svg.status, 415);
  });

  test("right magic bytes but broken content is 415", async () => {
    const png = await picture().png().toBuffer();
    const broken = Buffer.concat([png.subarray(0, 16), Buffer.alloc(2000, 7)]);
    const res = await upload([[broken, "broken.png", "image/png"]]);
    assert.equal(res.status, 415);
    assert.equal(res.body.code, "IMAGE_INVALID");
  });

  test("one bad file rejects the whole upload", async () => {
    const res = await upload([
      [await picture().png().toBuffer(), "ok.png", "image/png"],
      [Buffer.from("not an image at all........"), "bad.png", "image/png"],
    ]);
    assert.equal(res.status, 415);
  });

  test("no file is a 400", async () => {
    const res = await upload([]);
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].field, "files");
  });
});

describe("limits", () => {
  test("more than 5 MB is 413 IMAGE_TOO_LARGE", async () => {
    const big = Buffer.concat([
      await picture().png().toBuffer(),
      Buffer.alloc(5 * 1024 * 1024 + 10),
    ]);
    const res = await upload([[big, "big.png", "image/png"]]);
    assert.equal(res.status, 413);
    assert.equal(res.body.code, "IMAGE_TOO_LARGE");
  });

  test("more pixels than allowed is 413 IMAGE_TOO_LARGE", async () => {
    const res = await upload([[await picture(600, 600).png().toBuffer(), "huge.png", "image/png"]]);
    assert.equal(res.status, 413);
    assert.equal(res.body.code, "IMAGE_TOO_LARGE");
    assert.match(res.body.detail, /600×600/);
  });

  test("more than 10 files is a 400", async () => {
    const one = await picture(10, 10).png().toBuffer();
    const res = await upload(
      Array.from(
        { length: 11 },
        (_, i) => [one, `${i}.png`, "image/png"] as [Buffer, string, string],
      ),
    );
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].field, "files");
  });

  test("large sides are scaled down to IMAGE_MAX_SIDE", async () => {
    const res = await upload([[await picture(480, 120).png().toBuffer(), "wide.png", "image/png"]]);
    assert.equal(res.status, 201);
    assert.deepEqual([res.body.items[0].width, res.body.items[0].height], [400, 100]);
  });
});

describe("stored files", () => {
  test("metadata is stripped and the file is served immutable", async () => {
    const withExif = await picture()
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: "secret location", Artist: "someone" } } })
      .toBuffer();
    assert.ok((await sharp(withExif).metadata()).exif, "the upload carries EXIF");
    const image = (await upload([[withExif, "exif.jpg", "image/jpeg"]])).body.items[0];
    const res = await fetch(svc.url + image.url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "image/webp");
    assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
    const served = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(served).metadata();
    assert.equal(meta.format, "webp");
    assert.equal(meta.exif, undefined);
    assert.equal(meta.icc, undefined);
    const again = await fetch(svc.url + image.url, {
      headers: { "if-none-match": res.headers.get("etag")! },
    });
    assert.equal(again.status, 304);
  });

  test("unknown and malformed keys are 404 problems", async () => {
    for (const key of [`${"0".repeat(64)}.webp`, "..%2F..%2Fpackage.json", "abc.png"]) {
      const res = await svc.api("GET", `/images/${key}`);
      assert.equal(res.status, 404, key);
      assert.equal(res.body.code, "IMAGE_NOT_FOUND");
    }
  });
});

describe("product images", () => {
  test("upload onto a product appends; deleting the main image promotes the next", async () => {
    const product = (await svc.api("GET", "/api/v1/products/canvas-tote-bag")).body;
    const before = product.images.length;
    const res = await upload(
      [[await picture(200, 200, "#aa0000").png().toBuffer(), "x.png", "image/png"]],
      `/api/v1/products/${product.id}/images`,
    );
    assert.equal(res.status, 201);
    assert.equal(res.body.items[0].productId, product.id);
    assert.equal(res.body.items[0].sortOrder, before);
    const main = product.images.find((i: Json) => i.isMain);
    assert.equal(
      (
        await svc.api("DELETE", `/api/v1/products/${product.id}/images/${main.id}`, {
          token: svc.tokens.admin,
        })
      ).status,
      204,
    );
    const after = (await svc.api("GET", `/api/v1/products/${product.id}`)).body;
    assert.equal(after.images.length, before);
    assert.equal(after.images.filter((i: Json) => i.isMain).length, 1);
    assert.ok(!after.images.some((i: Json) => i.id === main.id));
    const gone = await svc.api("DELETE", `/api/v1/products/${product.id}/images/${main.id}`, {
      token: svc.tokens.admin,
    });
    assert.equal(gone.status, 404);
    assert.equal(gone.body.code, "IMAGE_NOT_FOUND");
  });

  test("uploading onto an unknown product is 404", async () => {
    const res = await upload(
      [[await picture().png().toBuffer(), "x.png", "image/png"]],
      "/api/v1/products/00000000-0000-4000-8000-000000000000/images",
    );
    assert.equal(res.status, 404);
  });
});

describe("sweep", () => {
  test("abandoned uploads and images of deleted products go; shared files stay while referenced", async () => {
    const images = svc.product.app.get(ImagesService);
    const bytes = await picture(100, 100, "#00aa55").png().toBuffer();
    const [abandoned, kept] = (
      await upload([
        [bytes, "a.png", "image/png"],
        [bytes, "b.png", "image/png"],
      ])
    ).body.items;
    assert.equal(abandoned.url, kept.url, "same content, same key");
    const product = (
      await svc.api("POST", "/api/v1/products", {
        token: svc.tokens.admin,
        body: {
          name: "스윕 테스트",
          brand: "b",
          categoryId: "home",
          price: 1000,
          imageIds: [kept.id],
        },
      })
    ).body;
    const file = join(svc.imageDir, kept.url.slice("/images/".length));

    assert.deepEqual(
      await images.sweep(new Date()),
      { records: 0, files: 0 },
      "nothing is old enough yet",
    );
    const later = new Date(Date.now() + 25 * 3600_000);
    const first = await images.sweep(later);
    assert.ok(first.records >= 1);
    assert.ok(existsSync(file), "still used by the product");

    assert.equal(
      (await svc.api("DELETE", `/api/v1/products/${product.id}`, { token: svc.tokens.admin }))
        .status,
      204,
    );
    const second = await images.sweep(later);
    assert.equal(second.records, 1);
    assert.equal(second.files, 1);
    assert.ok(!existsSync(file), "file removed with its last record");
    assert.equal((await fetch(svc.url + kept.url)).status, 404);
  });
});
