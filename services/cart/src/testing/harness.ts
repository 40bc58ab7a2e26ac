/**
 * A cart service for one test file, on the real product service (started for the file, empty
 * catalogue, products created through its admin API), its own Redis prefix and a token issuer.
 */
import type { App } from "@shop/platform/fastify";
import {
  createTestRedis,
  startProductService,
  startTestIssuer,
  type ProductService,
  type TestIssuer,
} from "@shop/test-kit";
import { buildApp } from "../app.js";
import { readConfig } from "../config.js";
import { createCatalogue, type Catalogue } from "./catalogue.js";

export interface Harness {
  app: App;
  issuer: TestIssuer;
  product: ProductService;
  catalogue: Catalogue;
  internalKey: string;
  redis: Awaited<ReturnType<typeof createTestRedis>>["redis"];
  prefix: string;
  /** `authorization` header for a fresh token of `sub` (`guest_…` subs get the guest role). */
  auth(sub: string, role?: "guest" | "customer" | "admin"): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const redis = await createTestRedis("cart");
  const issuer = await startTestIssuer();
  const product = await startProductService({
    authUrl: issuer.url,
    seed: false,
    label: "cart-product",
  });
  const catalogue = await createCatalogue(product.url, issuer);
  const config = readConfig({
    LOG_LEVEL: "silent",
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    PRODUCT_URL: product.url,
    AUTH_URL: issuer.url,
    INTERNAL_KEY: product.internalKey,
    ...env,
  });
  const { app } = await buildApp(config);
  return {
    app,
    issuer,
    product,
    catalogue,
    internalKey: product.internalKey,
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
