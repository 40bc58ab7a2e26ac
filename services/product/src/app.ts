/** Builds the product service app without listening, so tests run it in process. */
import "reflect-metadata";
import type { INestApplication } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";
import { createHealth, createLogger, type Health, type Logger } from "@shop/platform";
import { mountOperationalRoutes, requestContextMiddleware } from "@shop/platform/nest";
import { createRedis } from "@shop/platform/redis";
import type { Redis } from "ioredis";
import type { JWTVerifyGetKey } from "jose";
import { DataSource } from "typeorm";
import { AppModule } from "./app.module.js";
import { NestPinoLogger } from "./common/nest-logger.js";
import { NoNulMiddleware, ServiceProblemFilter } from "./common/problems.js";
import type { ProductConfig } from "./config.js";
import { createImageStorage, type ImageStorage } from "./images/image-storage.js";

export interface BuildOptions {
  logger?: Logger;
  /** Verify tokens with these keys instead of the auth service's JWKS (tests). */
  tokenKeys?: JWTVerifyGetKey;
  /** Use this image storage instead of the configured driver (tests). */
  storage?: ImageStorage;
}

export interface ProductApp {
  app: INestApplication;
  health: Health;
  logger: Logger;
  redis: Redis;
  storage: ImageStorage;
  /** Stops the HTTP server, background jobs, database pool and Redis. */
  close(): Promise<void>;
}

export async function buildApp(
  config: ProductConfig,
  options: BuildOptions = {},
): Promise<ProductApp> {
  const logger = options.logger ?? createLogger("product", config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, { name: "product" });
  const storage = options.storage ?? (await createImageStorage(config));
  try {
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({
        config,
        logger,
        redis,
        storage,
        ...(options.tokenKeys ? { tokenKeys: options.tokenKeys } : {}),
      }),
      { logger: new NestPinoLogger(logger), bodyParser: false, abortOnError: false },
    );
    app.disable("x-powered-by");
    app.use(requestContextMiddleware(logger));
    const noNul = new NoNulMiddleware();
    app.use(noNul.use.bind(noNul));
    app.useBodyParser("json", { limit: "1mb" });
    app.useGlobalFilters(new ServiceProblemFilter(logger));
    const db = app.get(DataSource);
    const health = createHealth("product", {
      postgres: () => db.query("SELECT 1"),
      redis: () => redis.ping(),
      storage: () => storage.check(),
    });
    mountOperationalRoutes(app, { name: "product", health });
    await app.init();
    return {
      app,
      health,
      logger,
      redis,
      storage,
      async close() {
        await app.close();
        redis.disconnect();
        if (!options.storage) storage.close?.();
      },
    };
  } catch (error) {
    redis.disconnect();
    throw error;
  }
}
