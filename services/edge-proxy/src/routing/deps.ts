/** What the request handlers share, built once by app.ts. */
import type { Logger } from "@shop/platform";
import type { Config } from "../config.js";
import type { HtmlCache } from "../html-cache/html-cache.js";
import {
  createKeyer,
  createRouteMatcher,
  type Keyer,
  type RouteMatcher,
} from "../html-cache/key.js";
import type { SessionManager } from "../session/session.js";
import { StaticCache } from "./static-cache.js";

export interface RoutingDeps {
  config: Config;
  logger: Logger;
  sessions: SessionManager;
  cache: HtmlCache;
  routes: RouteMatcher;
  /** Memoised page keys for the configured routes. */
  keyer: Keyer;
  allowedParams: ReadonlySet<string>;
  trustedOrigins: ReadonlySet<string>;
  /** Immutable build assets and product images in memory (when enabled). */
  assets?: StaticCache;
  images?: StaticCache;
}

export function routingDeps(
  config: Config,
  logger: Logger,
  cache: HtmlCache,
  sessions: SessionManager,
): RoutingDeps {
  const routes = createRouteMatcher(config.HTML_CACHE_ROUTES);
  const allowedParams = new Set(config.HTML_CACHE_QUERY_PARAMS);
  return {
    config,
    logger,
    cache,
    sessions,
    routes,
    allowedParams,
    keyer: createKeyer(routes, allowedParams),
    trustedOrigins: new Set(config.CSRF_TRUSTED_ORIGINS.map((origin) => origin.toLowerCase())),
    ...(config.ENABLE_STATIC_CACHE && {
      assets: new StaticCache(
        config.STOREFRONT_URL,
        "storefront",
        config.PAGE_TIMEOUT_MS,
        config.STATIC_CACHE_MEMORY_MB * 1024 * 1024,
      ),
      images: new StaticCache(
        config.GATEWAY_URL,
        "gateway",
        config.API_TIMEOUT_MS,
        config.STATIC_CACHE_MEMORY_MB * 1024 * 1024,
      ),
    }),
  };
}
