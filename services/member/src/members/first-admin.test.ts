import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ConfigError } from "@shop/platform";
import { createTestDatabase, createTestRedis } from "@shop/test-kit";
import { buildApp } from "../app.js";
import { readConfig } from "../config.js";
import { startTokenIssuer, type TokenIssuer } from "../testing/token-issuer.js";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let redis: Awaited<ReturnType<typeof createTestRedis>>;
let issuer: TokenIssuer;
before(async () => {
  db = await createTestDatabase("member");
  redis = await createTestRedis("member");
  issuer = await startTokenIssuer({ redis: redis.redis, prefix: redis.prefix });
});
after(async () => {
  await issuer.close();
  await redis.cleanup();
  await db.drop();
});

const config = (admin: { email?: string; password?: string }) =>
  readConfig({
    NODE_ENV: "development",
    LOG_LEVEL: "silent",
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    AUTH_URL: issuer.url,
    ...(admin.email ? { ADMIN_EMAIL: admin.email } : {}),
    ...(admin.password ? { ADMIN_PASSWORD: admin.password } : {}),
  });

const login = async (app: Awaited<ReturnType<typeof buildApp>>, email: string, password: string) =>
  app.inject({
    method: "POST",
    url: "/internal/credentials/verify",
    headers: { "x-internal-key": "dev-internal-key-change-me" },
    payload: { email, password },
  });

test("the first admin is created at start and never overwritten by a later start", async () => {
  const first = await buildApp(config({ email: "admin@shop.local", password: "shop-admin-2026" }));
  const res = await login(first, "admin@shop.local", "shop-admin-2026");
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().role, "admin");
  await first.close();

  const second = await buildApp(
    config({ email: "admin@shop.local", password: "another-admin-pass" }),
  );
  assert.equal((await login(second, "admin@shop.local", "shop-admin-2026")).statusCode, 200);
  assert.equal((await login(second, "admin@shop.local", "another-admin-pass")).statusCode, 401);
  await second.close();
});

test("a weak ADMIN_PASSWORD stops the start with a message naming the variable", async () => {
  await assert.rejects(
    buildApp(config({ email: "boss@shop.local", password: "password1" })),
    (error: unknown) => error instanceof ConfigError && /ADMIN_PASSWORD/.test(error.message),
  );
});

test("production refuses the default internal key and a missing first admin", () => {
  assert.throws(
    () => readConfig({ NODE_ENV: "production" }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /INTERNAL_KEY/);
      return true;
    },
  );
  assert.throws(
    () => readConfig({ NODE_ENV: "production", INTERNAL_KEY: "k".repeat(40) }),
    /ADMIN_EMAIL: required in production[\s\S]*ADMIN_PASSWORD: required in production/,
  );
  const ok = readConfig({
    NODE_ENV: "production",
    INTERNAL_KEY: "k".repeat(40),
    ADMIN_EMAIL: "a@b.co",
    ADMIN_PASSWORD: "long-enough-pass",
  });
  assert.equal(ok.ADMIN_EMAIL, "a@b.co");
});
