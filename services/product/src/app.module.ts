/** The Nest module: database, shared services, every domain's controllers and providers. */
import { type DynamicModule, Module, type Provider } from "@nestjs/common";
import { APP_GUARD } from "@nestjs/core";
import { MulterModule } from "@nestjs/platform-express";
import { TypeOrmModule } from "@nestjs/typeorm";
import type { Logger } from "@shop/platform";
import { ACCESS_CHECK, AccessGuard } from "@shop/platform/nest";
import { ensureDatabase } from "@shop/platform/postgres";
import type { Redis } from "ioredis";
import type { JWTVerifyGetKey } from "jose";
import { CategoriesController } from "./categories/categories.controller.js";
import { CategoriesService } from "./categories/categories.service.js";
import { ProductAccessCheck } from "./identity/access-check.js";
import { CatalogEvents } from "./common/events.js";
import { CONFIG, IMAGE_STORAGE, LOGGER, REDIS, TOKEN_KEYS } from "./common/tokens.js";
import type { ProductConfig } from "./config.js";
import { dataSourceOptions } from "./database/data-source.js";
import { DocsController } from "./docs/docs.controller.js";
import type { ImageStorage } from "./images/image-storage.js";
import { ImagesController, MAX_FILES, UploadProblemFilter } from "./images/images.controller.js";
import { ImagesService } from "./images/images.service.js";
import { ImagesSweeper } from "./images/images.sweeper.js";
import { ProductsController } from "./products/products.controller.js";
import { ProductsService } from "./products/products.service.js";
import { ProductsStore } from "./products/products.store.js";
import { ReviewsController } from "./reviews/reviews.controller.js";
import { ReviewsService } from "./reviews/reviews.service.js";
import { SeedService } from "./seed/seed.service.js";
import { LookupService } from "./stock/lookup.service.js";
import { ReservationsService } from "./stock/reservations.service.js";
import { ReservationsSweeper } from "./stock/reservations.sweeper.js";
import { StockController } from "./stock/stock.controller.js";

export interface AppDependencies {
  config: ProductConfig;
  logger: Logger;
  redis: Redis;
  storage: ImageStorage;
  tokenKeys?: JWTVerifyGetKey;
}

@Module({})
export class AppModule {
  static forRoot(deps: AppDependencies): DynamicModule {
    const { config } = deps;
    const values: Provider[] = [
      { provide: CONFIG, useValue: config },
      { provide: LOGGER, useValue: deps.logger },
      { provide: REDIS, useValue: deps.redis },
      { provide: IMAGE_STORAGE, useValue: deps.storage },
      { provide: TOKEN_KEYS, useValue: deps.tokenKeys },
    ];
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureDatabase(config.DATABASE_URL);
            return {
              ...dataSourceOptions(config.DATABASE_URL, config.DB_POOL_SIZE),
              retryAttempts: 2,
              retryDelay: 1000,
            };
          },
        }),
        MulterModule.register({
          limits: {
            fileSize: config.IMAGE_MAX_BYTES,
            files: MAX_FILES,
            fields: 20,
            parts: MAX_FILES + 20,
          },
        }),
      ],
      controllers: [
        CategoriesController,
        ProductsController,
        ImagesController,
        ReviewsController,
        StockController,
        DocsController,
      ],
      providers: [
        ...values,
        ProductAccessCheck,
        { provide: ACCESS_CHECK, useExisting: ProductAccessCheck },
        { provide: APP_GUARD, useClass: AccessGuard },
        CatalogEvents,
        CategoriesService,
        ProductsStore,
        ProductsService,
        ImagesService,
        ImagesSweeper,
        UploadProblemFilter,
        ReviewsService,
        LookupService,
        ReservationsService,
        ReservationsSweeper,
        SeedService,
      ],
    };
  }
}
