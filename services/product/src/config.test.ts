// Configuration: defaults, clear errors naming the variable, and no default secrets in production.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError } from "@shop/platform";
import { loadProductConfig } from "./config.js";

test("development defaults: port 3002, local images, seeding on", () => {
  const config = loadProductConfig({});
  assert.equal(config.PORT, 3002);
  assert.equal(config.IMAGE_STORAGE, "local");
  assert.equal(config.ENABLE_SEED, true);
  assert.equal(config.IMAGE_MAX_BYTES, 5 * 1024 * 1024);
});

test("production refuses the development internal key and seeds only when asked", () => {
  assert.throws(
    () => loadProductConfig({ NODE_ENV: "production" }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /INTERNAL_KEY/);
      return true;
    },
  );
  const key = "k".repeat(40);
  assert.equal(loadProductConfig({ NODE_ENV: "production", INTERNAL_KEY: key }).ENABLE_SEED, false);
  assert.equal(
    loadProductConfig({ NODE_ENV: "production", INTERNAL_KEY: key, ENABLE_SEED: "true" })
      .ENABLE_SEED,
    true,
  );
});

test("a bad value names the variable", () => {
  assert.throws(() => loadProductConfig({ PORT: "http" }), /PORT/);
  assert.throws(() => loadProductConfig({ IMAGE_STORAGE: "ftp" }), /IMAGE_STORAGE/);
});

test(".env.example lists only variables the config accepts, and parses as is", async () => {
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(new URL("../.env.example", import.meta.url), "utf8");
  const env = Object.fromEntries(
    text
      .split("\n")
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  const config = loadProductConfig(env);
  assert.equal(config.PORT, 3002);
  assert.equal(config.S3_ENDPOINT, undefined);
  for (const name of Object.keys(env))
    assert.ok(name in config, `${name} is not read by config.ts`);
});

test("IMAGE_STORAGE picks the driver", async () => {
  const { createImageStorage } = await import("./images/image-storage.js");
  assert.equal((await createImageStorage(loadProductConfig({}))).driver, "local");
  const s3 = await createImageStorage(
    loadProductConfig({
      IMAGE_STORAGE: "s3",
      S3_ENDPOINT: "http://127.0.0.1:1",
      S3_FORCE_PATH_STYLE: "true",
    }),
  );
  assert.equal(s3.driver, "s3");
  s3.close?.();
});
