/** What one request carries through the pipeline, and what the pipeline needs. */
import type { Identity, Logger } from "@shop/platform";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ResponseCache } from "../cache/response-cache.js";
import type { IdempotencyOptions } from "../idempotency/idempotency.js";
import type { IdentityResolver } from "../identity/identity.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import type { Route, Router } from "../routing/router.js";
import type { Upstream } from "../upstreams/upstreams.js";
import type { ClientAddress, TrustedProxies } from "./caller-address.js";
import type { CorsConfig } from "./cors.js";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  method: string;
  path: string;
  query: string;
  route: Route;
  params: Record<string, string>;
  upstream: Upstream;
  client: ClientAddress;
  identity: Identity | undefined;
  /** Headers added to whatever answer this request gets (request id, CORS, rate limit, cache). */
  extra: string[];
}

export interface GatewaySettings {
  internalKey: string;
  trustedProxies: TrustedProxies;
  cors: CorsConfig;
  accessLog: boolean;
  rateLimitEnabled: boolean;
}

export interface GatewayDeps {
  router: Router;
  upstreams: Map<string, Upstream>;
  identity: IdentityResolver;
  rateLimiter: RateLimiter;
  cache: ResponseCache;
  idempotency: IdempotencyOptions;
  settings: GatewaySettings;
  logger: Logger;
  /** The gateway's own endpoints (health, docs); true when it answered. */
  ownRoutes: (req: IncomingMessage, res: ServerResponse, path: string, extra: string[]) => boolean;
}
