import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ConfigError,
  flag,
  int,
  loadConfig,
  port,
  requireProductionSecrets,
  secret,
  url,
} from "./config.js";

const shape = {
  PORT: port(3001),
  PRODUCT_URL: url("http://127.0.0.1:3002/"),
  TIMEOUT_MS: int(800),
  ENABLE_SEED: flag(true),
};

test("defaults apply and URLs lose their trailing slash", () => {
  const config = loadConfig(shape, {});
  assert.deepEqual(config, {
    PORT: 3001,
    PRODUCT_URL: "http://127.0.0.1:3002",
    TIMEOUT_MS: 800,
    ENABLE_SEED: true,
  });
});

test("values from the environment are coerced", () => {
  const config = loadConfig(shape, { PORT: "4100", ENABLE_SEED: "false", TIMEOUT_MS: "50" });
  assert.equal(config.PORT, 4100);
  assert.equal(config.ENABLE_SEED, false);
  assert.equal(config.TIMEOUT_MS, 50);
});

test("a bad variable stops the start with its name and value in the message", () => {
  assert.throws(
    () => loadConfig(shape, { PORT: "eighty", PRODUCT_URL: "not a url" }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /PORT: .*'eighty'/.test(error.message) &&
      /PRODUCT_URL: .*'not a url'/.test(error.message),
  );
});

test("secret values are never echoed in configuration errors", () => {
  assert.throws(
    () =>
      loadConfig(
        { API_SECRET: secret("dev").refine((v) => v.length > 10, "too short") },
        { API_SECRET: "hunter2" },
      ),
    (error: unknown) =>
      error instanceof ConfigError &&
      !error.message.includes("hunter2") &&
      /API_SECRET/.test(error.message),
  );
});

test("production refuses secrets left at their development default or too short", () => {
  const secrets = {
    INTERNAL_KEY: { value: "dev-internal-key", devDefault: "dev-internal-key" },
    AUTH_CLIENT_KEY: { value: "short", devDefault: "x" },
  };
  assert.doesNotThrow(() => requireProductionSecrets("development", secrets));
  assert.throws(
    () => requireProductionSecrets("production", secrets),
    (error: unknown) => error instanceof ConfigError && error.problems.length === 2,
  );
});
