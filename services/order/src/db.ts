/** The order database: one pool, a transaction helper, and start-up migration. */
import { ensureDatabase, migrate } from "@shop/platform/postgres";
import type { Logger } from "@shop/platform";
import { fileURLToPath } from "node:url";
import pg from "pg";

export type Db = pg.Pool;
export type Queryable = pg.Pool | pg.PoolClient;

const MIGRATIONS = fileURLToPath(new URL("../migrations", import.meta.url));

/** Creates the database if missing, applies committed migrations and opens the pool. */
export async function openDatabase(url: string, logger: Logger): Promise<Db> {
  await ensureDatabase(url);
  await migrate(url, MIGRATIONS, logger);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection failed"));
  return pool;
}

/** Runs `fn` in a transaction, committing on success and rolling back on any error. */
export async function tx<T>(db: Db, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
