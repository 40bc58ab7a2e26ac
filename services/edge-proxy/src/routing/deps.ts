/** What the request handlers share, built once by app.ts. */
import type { Logger } from "@shop/platform";
import type { Config } from "../config.js";
import type { HtmlCache } from "../html-cache/html-cache.js";
import type { Keyer, RouteMatcher } from "../html-cache/key.js";
import type { SessionManager } from "../session/session.js";

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
}
