/** Builds the member service (migrated database, Redis, token checks, routes) without listening. */
import {
  createHealth,
  createLogger,
  retryWhileStoreUnavailable,
  type Logger,
} from "@shop/platform";
import { accessHook, createFastifyApp, type App } from "@shop/platform/fastify";
import { createAccessTokenVerification, createRedis } from "@shop/platform/redis";
import { ensureDatabase, migrate } from "@shop/platform/postgres";
import { fileURLToPath } from "node:url";
import type { Config } from "./config.js";
import { createSessionRevoker } from "./clients/auth.client.js";
import { createIdempotency } from "./idempotency/idempotency.js";
import { registerInternalRoutes } from "./internal/internal.routes.js";
import { ensureFirstAdmin } from "./members/first-admin.js";
import { registerMemberRoutes } from "./members/members.routes.js";
import { createMemberService } from "./members/members.service.js";
import { createMemberStore } from "./members/members.store.js";
import { createCredentialService } from "./passwords/credentials.service.js";
import { createDb } from "./prisma/client.js";
import { registerWishlistRoutes } from "./wishlist/wishlist.routes.js";
import { createWishlistStore } from "./wishlist/wishlist.store.js";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations", import.meta.url));

export async function buildApp(config: Config, options: { logger?: Logger } = {}): Promise<App> {
  const logger = options.logger ?? createLogger("member", config.LOG_LEVEL);
  await ensureDatabase(config.DATABASE_URL);
  await migrate(config.DATABASE_URL, MIGRATIONS_DIR, logger);

  const db = createDb(config.DATABASE_URL, config.DB_POOL_SIZE);
  const redis = createRedis(config.REDIS_URL, { name: "member" });
  const { verifier, revocations } = createAccessTokenVerification({
    authUrl: config.AUTH_URL,
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    logger,
  });
  const access = accessHook({ verifier, internalKey: config.INTERNAL_KEY });
  const revoker = createSessionRevoker({
    authUrl: config.AUTH_URL,
    internalKey: config.INTERNAL_KEY,
    logger,
  });
  const close = async () => {
    await Promise.allSettled([revocations.close(), revoker.close(), db.$disconnect()]);
    redis.disconnect();
  };

  try {
    await revocations.start();
    const store = createMemberStore(db);
    const service = createMemberService({ store, revoker });
    const credentials = createCredentialService({ store, revoker });
    if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
      const admin = { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD };
      await retryWhileStoreUnavailable(
        "first admin",
        () => ensureFirstAdmin(store, admin, logger),
        logger,
      );
    }

    const health = createHealth("member", {
      postgres: () => db.$queryRaw`SELECT 1`,
      redis: () => redis.ping(),
    });
    const app = await createFastifyApp({
      name: "member",
      logger,
      health,
      bodyLimit: config.BODY_LIMIT_BYTES,
      openapi: {
        title: "Member service",
        description: "Members, roles, credentials and wishlists.",
      },
    });
    const idempotency = createIdempotency(redis, config.REDIS_PREFIX, config.IDEMPOTENCY_TTL_SEC);
    registerMemberRoutes(app, { service, credentials, access, idempotency });
    registerWishlistRoutes(app, { store: createWishlistStore(db), access });
    registerInternalRoutes(app, { service, credentials, access });
    app.addHook("onClose", close);
    return app;
  } catch (error) {
    await close();
    throw error;
  }
}
