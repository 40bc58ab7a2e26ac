/** One BFF on top of the real product service (behind a test proxy), with a token issuer. */
import type { App } from "@shop/platform/fastify";
import {
  startProductService,
  startTestIssuer,
  testRedisUrl,
  type ProductService,
  type TestIssuer,
} from "@shop/test-kit";
import { buildApp } from "../app.js";
import { readConfig } from "../config.js";
import { startUpstreamProxy, type UpstreamProxy } from "./upstream-proxy.js";

export interface BffStack {
  app: App;
  issuer: TestIssuer;
  product: ProductService;
  proxy: UpstreamProxy;
  close(): Promise<void>;
}

export async function startBffStack(
  env: Record<string, string> = {},
  options: { clock?: () => Date } = {},
): Promise<BffStack> {
  const issuer = await startTestIssuer();
  const product = await startProductService({ authUrl: issuer.url, label: "bff-product" });
  const proxy = await startUpstreamProxy(product.url);
  const config = readConfig({
    LOG_LEVEL: "silent",
    PRODUCT_URL: proxy.url,
    AUTH_URL: issuer.url,
    REDIS_URL: testRedisUrl,
    ...env,
  });
  const { app } = await buildApp(config, options);
  return {
    app,
    issuer,
    product,
    proxy,
    async close() {
      await app.close();
      await proxy.close();
      await product.close();
      await issuer.close();
    },
  };
}
