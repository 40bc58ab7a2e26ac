/** BFF configuration: the only module that reads the environment. */
import { fileURLToPath } from "node:url";
import { int, loadConfig, redisEnv, serviceEnv, url } from "@shop/platform";
import { z } from "zod";

const defaultContentFile = fileURLToPath(new URL("../content/home.json", import.meta.url));

export function readConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      ...serviceEnv(3001),
      PRODUCT_URL: url("http://127.0.0.1:3002"),
      /** JWKS of the access tokens the admin routes verify. */
      AUTH_URL: url("http://127.0.0.1:4000"),
      /** The revocation list (signed-out sessions) the admin routes check. */
      ...redisEnv(),
      /** The stack's Prometheus, read by the admin platform page. */
      PROMETHEUS_URL: url("http://127.0.0.1:9090"),
      /** Per-query timeout for Prometheus' HTTP API. */
      PROMETHEUS_TIMEOUT_MS: int(3000),
      /** Per-call timeout for product-service reads (home, category and product pages). */
      UPSTREAM_TIMEOUT_MS: int(800),
      /** Timeout for the admin image upload and product create calls. */
      UPLOAD_TIMEOUT_MS: int(15_000),
      /** Shared-cache lifetime of complete answers (the gateway caches them). */
      CACHE_SECONDS: int(300),
      /** Versioned home-page content (banners, promotions, layout), validated at start. */
      CONTENT_FILE: z.string().min(1).default(defaultContentFile),
      MAX_UPLOAD_IMAGES: int(8),
      MAX_IMAGE_BYTES: int(5 * 1024 * 1024),
    },
    env,
  );
}

export type Config = ReturnType<typeof readConfig>;
