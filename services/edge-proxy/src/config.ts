/** Edge proxy configuration: the only module that reads the environment. */
import {
  DEV_INTERNAL_KEY,
  flag,
  int,
  internalKeyEnv,
  loadConfig,
  redisEnv,
  requireProductionSecrets,
  secret,
  serviceEnv,
  url,
} from "@shop/platform";
import { z } from "zod";

const DEV_AUTH_CLIENT_KEY = "dev-auth-client-key-change-me";

/** A comma-separated list, trimmed, empties dropped. */
const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    );

const routePattern = z.string().regex(/^\/[^?#\s]*$/, "each route must be a path like /products/*");

export function readConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(
    {
      ...serviceEnv(9000),
      STOREFRONT_URL: url("http://127.0.0.1:3000"),
      GATEWAY_URL: url("http://127.0.0.1:8000"),
      AUTH_URL: url("http://127.0.0.1:4000"),
      ...redisEnv(),
      ...internalKeyEnv(),
      AUTH_CLIENT_KEY: secret(DEV_AUTH_CLIENT_KEY),

      ENABLE_HTML_CACHE: flag(true),
      /** Page routes whose HTML is shared: exact paths, or a prefix ending in `/*`. */
      HTML_CACHE_ROUTES: list("/,/categories,/categories/*,/products/*,/search").pipe(
        z.array(routePattern),
      ),
      /** Query parameters the cached pages read; every other parameter is dropped from key and render. */
      HTML_CACHE_QUERY_PARAMS: list("page,sort,minPrice,maxPrice,q,onSale,isNew,featured"),
      /** Freshness when the storefront names none (Surrogate-Control / s-maxage / max-age win). */
      HTML_CACHE_TTL_SECONDS: int(60),
      HTML_CACHE_STALE_WHILE_REVALIDATE_SECONDS: int(300),
      HTML_CACHE_STALE_IF_ERROR_SECONDS: int(86_400),
      /** Bytes budget of the in-process tier (per proxy process). */
      HTML_CACHE_MEMORY_MB: int(128),
      HTML_CACHE_MAX_ENTRY_KB: int(2048),
      /** Cross-process render lock: how long it is held at most, and how long others wait for the page. */
      HTML_CACHE_LOCK_TTL_MS: int(15_000),
      HTML_CACHE_LOCK_WAIT_MS: int(5_000),
      /** Log every cache hit (off: hits are counted and summarised once a minute; a line costs more than the hit). */
      LOG_CACHE_HITS: flag(false),
      /** Keep immutable build assets (/_next/static/*) in memory, within this budget per process. */
      ENABLE_STATIC_CACHE: flag(true),
      STATIC_CACHE_MEMORY_MB: int(32),

      /**
       * Time allowed until the storefront sends a page's response headers; past it the shopper
       * gets the shop's own error page (504) instead of waiting on a hung storefront.
       */
      PAGE_TIMEOUT_MS: int(10_000),
      API_TIMEOUT_MS: int(60_000),
      MAX_BODY_MB: int(30),

      /** Refresh the access token when it expires within this many seconds. */
      REFRESH_LEEWAY_SECONDS: int(30),
      /** Lazily issued guest sessions allowed per client IP and window. */
      GUEST_RATE_LIMIT: int(60),
      GUEST_RATE_WINDOW_SECONDS: int(600),
      /** Origins besides the request's own host allowed to send cookie-authenticated writes. */
      CSRF_TRUSTED_ORIGINS: list(""),
      /**
       * Load balancers in front of the edge whose X-Forwarded-For is believed (addresses or
       * networks): the platform's rule takes the right-most hop that is not one of them. Default:
       * none — the edge is the public entry, the peer is the client.
       */
      TRUSTED_PROXIES: list(""),
    },
    env,
  );
  requireProductionSecrets(config.NODE_ENV, {
    INTERNAL_KEY: { value: config.INTERNAL_KEY, devDefault: DEV_INTERNAL_KEY },
    AUTH_CLIENT_KEY: { value: config.AUTH_CLIENT_KEY, devDefault: DEV_AUTH_CLIENT_KEY },
  });
  return config;
}

export type Config = ReturnType<typeof readConfig>;
