/** TypeORM data source options: committed migrations run at start, never `synchronize`. */
import { POSTGRES_BOUNDS } from "@shop/platform/postgres";
import type { DataSourceOptions } from "typeorm";
import { entities } from "./entities.js";
import { Initial1767225600000 } from "./migrations/1767225600000-initial.js";
import { SnakeNamingStrategy } from "./naming.js";

export const migrations = [Initial1767225600000];

export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: "postgres",
    url: databaseUrl,
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: "each",
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: "pgcrypto",
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize,
    extra: { application_name: "product", ...POSTGRES_BOUNDS },
    logging: false,
  };
}
