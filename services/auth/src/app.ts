/** Builds the auth service (keys, Redis sessions, member client, routes) without listening. */
import {
  createHealth,
  createLogger,
  openApiPage,
  TrustedProxies,
  type AccessCheck,
  type Health,
  type Logger,
} from "@shop/platform";
import { platformMiddleware } from "@shop/platform/koa";
import { createRedis, createRevocationList } from "@shop/platform/redis";
import type { Redis } from "ioredis";
import Koa from "koa";
import { authRoutes } from "./auth/auth.routes.js";
import { createAuthService } from "./auth/auth.service.js";
import type { Config } from "./config.js";
import { clientAddress, jsonBody } from "./http/body.js";
import { buildRouter, openApiDocument, type RouteDef } from "./http/routes.js";
import { internalRoutes } from "./internal/internal.routes.js";
import { loadKeyStore } from "./keys/keys.js";
import { keyRoutes } from "./keys/keys.routes.js";
import { createMemberClient, type MemberClient } from "./clients/member.client.js";
import { createRefresher } from "./sessions/refresh.js";
import { sessionRoutes } from "./sessions/sessions.routes.js";
import { createSessionService } from "./sessions/sessions.service.js";
import { createSessionStore } from "./sessions/sessions.store.js";
import { createLoginThrottle, createRateLimit, isLoopback } from "./throttle/throttle.js";
import { createAccessTokens, type AccessTokens } from "./tokens/access-tokens.js";
import { tokenRoutes } from "./tokens/tokens.routes.js";
import { createTokenService } from "./tokens/tokens.service.js";

export interface AuthApp {
  koa: Koa;
  health: Health;
  logger: Logger;
  /** Closes Redis connections and the member client (after the server stopped). */
  close(): Promise<void>;
}

const INFO = {
  title: "Auth service",
  version: "1.0.0",
  description: "Sign-up, sign-in, sessions and token keys.",
};

function routesFor(
  config: Config,
  redis: Redis,
  tokens: AccessTokens,
  members: MemberClient,
): RouteDef[] {
  const prefix = config.REDIS_PREFIX;
  const store = createSessionStore(redis, prefix);
  const sessions = createSessionService({
    store,
    tokens,
    redis,
    redisPrefix: prefix,
    lifetimes: {
      memberIdleSec: config.MEMBER_SESSION_IDLE_SEC,
      memberMaxSec: config.MEMBER_SESSION_MAX_SEC,
      guestIdleSec: config.GUEST_SESSION_IDLE_SEC,
      guestMaxSec: config.GUEST_SESSION_MAX_SEC,
      graceSec: config.REFRESH_REUSE_GRACE_SEC,
    },
  });
  // Outside production, loopback callers (e2e browsers, benchmarks) are not rate-limited.
  const exempt = config.NODE_ENV === "production" ? undefined : isLoopback;
  const throttle = createLoginThrottle(redis, prefix, {
    perAccount: config.LOGIN_FAILURES_PER_ACCOUNT,
    perIp: config.LOGIN_FAILURES_PER_IP,
    windowSec: config.LOGIN_FAILURE_WINDOW_SEC,
  });
  const service = createAuthService({
    members,
    sessions,
    throttle,
    guestLimit: createRateLimit(redis, prefix, {
      name: "guest",
      max: config.GUEST_SESSIONS_PER_IP_PER_MINUTE,
      windowSec: 60,
      exempt,
    }),
    registerLimit: createRateLimit(redis, prefix, {
      name: "register",
      max: config.REGISTRATIONS_PER_IP_PER_HOUR,
      windowSec: 3600,
      exempt,
    }),
  });
  const refresh = createRefresher({
    store,
    sessions,
    members,
    graceSec: config.REFRESH_REUSE_GRACE_SEC,
  });
  return [
    ...authRoutes({ service, clientKey: config.AUTH_CLIENT_KEY }),
    ...sessionRoutes({ refresh, sessions, tokens, clientKey: config.AUTH_CLIENT_KEY }),
    ...tokenRoutes({ service: createTokenService({ tokens, members }), tokens }),
    ...internalRoutes({ sessions }),
  ];
}

function koaApp(
  routes: RouteDef[],
  options: {
    logger: Logger;
    health: Health;
    bodyLimit: number;
    access: AccessCheck;
    trustedProxies: readonly string[];
  },
): Koa {
  const router = buildRouter(routes, options.access);
  const document = openApiDocument(routes, INFO);
  router.get("/docs/json", (ctx) => {
    ctx.body = document;
  });
  router.get("/docs", (ctx) => {
    ctx.type = "html";
    ctx.body = openApiPage(document);
  });
  const koa = new Koa();
  koa.use(platformMiddleware({ name: "auth", logger: options.logger, health: options.health }));
  koa.use(clientAddress(new TrustedProxies(options.trustedProxies)));
  koa.use(async (ctx, next) => {
    // Token answers must never be stored by a cache (RFC 6749 §5.1).
    if (ctx.path.startsWith("/api/auth/")) ctx.set("cache-control", "no-store");
    await next();
  });
  koa.use(jsonBody(options.bodyLimit));
  koa.use(router.routes()).use(router.allowedMethods());
  return koa;
}

export async function buildApp(
  config: Config,
  options: { logger?: Logger } = {},
): Promise<AuthApp> {
  const logger = options.logger ?? createLogger("auth", config.LOG_LEVEL);
  const keys = await loadKeyStore({
    signingKeys: config.AUTH_SIGNING_KEYS,
    keyDir: config.KEY_DIR,
    retainSec: config.ACCESS_TOKEN_TTL_SEC + 60,
  });
  const redis = createRedis(config.REDIS_URL, { name: "auth" });
  const revocations = createRevocationList(config.REDIS_URL, {
    prefix: config.REDIS_PREFIX,
    logger,
  });
  const members = createMemberClient({
    baseUrl: config.MEMBER_URL,
    internalKey: config.INTERNAL_KEY,
  });
  const close = async () => {
    await Promise.allSettled([revocations.close(), members.close()]);
    redis.disconnect();
  };
  try {
    await revocations.start();
  } catch (error) {
    await close();
    throw error;
  }
  const tokens = createAccessTokens(keys, config.ACCESS_TOKEN_TTL_SEC, revocations);
  const routes = [...routesFor(config, redis, tokens, members), ...keyRoutes(keys)];
  const health = createHealth("auth", { redis: () => redis.ping() });
  return {
    koa: koaApp(routes, {
      logger,
      health,
      bodyLimit: config.BODY_LIMIT_BYTES,
      access: { verifier: tokens.verifier, internalKey: config.INTERNAL_KEY },
      trustedProxies: config.TRUSTED_PROXIES,
    }),
    health,
    logger,
    close,
  };
}
