/** Builds the BFF (without listening) so tests can exercise it in process. */
import multipart from "@fastify/multipart";
import { createHealth, createLogger, type Health, type Logger } from "@shop/platform";
import { accessHook, createFastifyApp, type App } from "@shop/platform/fastify";
import { createAccessTokenVerification } from "@shop/platform/redis";
import { categoryRoutes } from "./categories/categories.routes.js";
import type { Config } from "./config.js";
import { loadContent } from "./content/content.store.js";
import { homeRoutes } from "./home/home.routes.js";
import { productRoutes } from "./products/products.routes.js";
import { createProductApi } from "./clients/product.client.js";
import { createPrometheusApi } from "./clients/prometheus.client.js";
import { platformRoutes } from "./platform/platform.routes.js";

export interface BuildOptions {
  logger?: Logger;
  /** The clock content schedules are read against (tests pin it). */
  clock?: () => Date;
}

export async function buildApp(
  config: Config,
  options: BuildOptions = {},
): Promise<{ app: App; health: Health }> {
  const logger = options.logger ?? createLogger("bff", config.LOG_LEVEL);
  const content = loadContent(config.CONTENT_FILE);
  const product = createProductApi({
    baseUrl: config.PRODUCT_URL,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    uploadTimeoutMs: config.UPLOAD_TIMEOUT_MS,
  });
  const prometheus = createPrometheusApi({
    baseUrl: config.PROMETHEUS_URL,
    timeoutMs: config.PROMETHEUS_TIMEOUT_MS,
  });
  // Admin routes authorise here too, with the same token checks (revocations included) as every part.
  const { verifier, revocations } = createAccessTokenVerification({
    authUrl: config.AUTH_URL,
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    logger,
  });
  await revocations.start();
  const access = accessHook({ verifier });
  // Prometheus is not a readiness check: the shop's pages do not need it.
  const health = createHealth("bff", { product: () => product.ping() });

  const app = await createFastifyApp({
    name: "bff",
    logger,
    health,
    openapi: {
      title: "Shop BFF",
      description:
        "UI-shaped answers for the storefront: home page, category pages, product pages and the admin product form.",
    },
    // Multipart uploads are limited per file by @fastify/multipart; this bounds the whole body.
    bodyLimit: config.MAX_UPLOAD_IMAGES * config.MAX_IMAGE_BYTES + 1024 * 1024,
  });
  await app.register(multipart);
  app.addHook("onClose", async () => {
    await Promise.allSettled([product.close(), prometheus.close(), revocations.close()]);
  });

  const clock = options.clock ?? (() => new Date());
  // A component may wait a little longer than one upstream call (its retry included).
  const budgetMs = Math.round(config.UPSTREAM_TIMEOUT_MS * 1.25);
  homeRoutes(app, {
    content,
    product,
    logger,
    budgetMs,
    cacheSeconds: config.CACHE_SECONDS,
    clock,
  });
  categoryRoutes(app, { product, cacheSeconds: config.CACHE_SECONDS });
  productRoutes(app, {
    product,
    logger,
    cacheSeconds: config.CACHE_SECONDS,
    upload: { maxFiles: config.MAX_UPLOAD_IMAGES, maxFileBytes: config.MAX_IMAGE_BYTES },
  });
  platformRoutes(app, { prometheus, access, clock });
  return { app, health };
}
