/** The order database: one pool, opened with the committed migrations applied. */
import type { Logger } from "@shop/platform";
import { openDatabase as openPlatformDatabase, transaction } from "@shop/platform/postgres";
import { fileURLToPath } from "node:url";
import type pg from "pg";

export type Db = pg.Pool;
export type Queryable = pg.Pool | pg.PoolClient;

const MIGRATIONS = fileURLToPath(new URL("../migrations", import.meta.url));

/** Creates the database if missing, applies committed migrations and opens the pool. */
export function openDatabase(url: string, logger: Logger): Promise<Db> {
  return openPlatformDatabase(url, MIGRATIONS, logger);
}

/** Runs `fn` in a transaction, committing on success and rolling back on any error. */
export const tx = transaction;
