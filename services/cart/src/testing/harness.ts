/** Builds a cart service for a test file: its own Redis prefix, token issuer and product upstream. */
import { createTestRedis } from "@shop/test-kit";
import type { App } from "@shop/platform/fastify";
import { buildApp } from "../app.js";
import { readConfig } from "../config.js";
import { startFakeProduct, type FakeProduct } from "./fake-product.js";
import { startTestIssuer, type TestIssuer } from "./issuer.js";

export const INTERNAL_KEY = "cart-test-internal-key";

export interface Harness {
  app: App;
  issuer: TestIssuer;
  product: FakeProduct;
  redis: Awaited<ReturnType<typeof createTestRedis>>["redis"];
  prefix: string;
  /** `authorization` header for a fresh token of `sub`. */
  auth(sub: string, role?: "guest" | "customer" | "admin"): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const redis = await createTestRedis("cart");
  const issuer = await startTestIssuer();
  const product = await startFakeProduct(INTERNAL_KEY);
  const config = readConfig({
    LOG_LEVEL: "silent",
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    PRODUCT_URL: product.url,
    AUTH_URL: issuer.url,
    INTERNAL_KEY,
    ...env,
  });
  const { app } = await buildApp(config);
  return {
    app,
    issuer,
    product,
    redis: redis.redis,
    prefix: redis.prefix,
    async auth(sub, role = sub.startsWith("guest_") ? "guest" : "customer") {
      return { authorization: `Bearer ${await issuer.sign({ sub, role })}` };
    },
    async close() {
      await app.close();
      await product.close();
      await issuer.close();
      await redis.cleanup();
    },
  };
}
