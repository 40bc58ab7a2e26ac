/**
 * PostgreSQL helpers every database-owning service shares: create the database when missing and
 * apply committed SQL migrations in order, once, under an advisory lock.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import type { Logger } from "pino";
import { observeDependency } from "./metrics.js";

/**
 * Creates the database named in `url` if it does not exist (connecting to `postgres` to do so).
 *
 * @example
 * await ensureDatabase(config.DATABASE_URL);
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unsupported database name '${name}'`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      // Another process created it between our check and our create.
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
    return true;
  } finally {
    await client.end();
  }
}

export interface MigrationResult {
  applied: string[];
  skipped: number;
}

/**
 * Applies every `*.sql` file in `dir` (sorted by name) that has not been applied yet, each in its
 * own transaction, recording name and checksum in `schema_migrations`. A changed checksum of an
 * applied file stops the start: committed migrations are never edited, only added.
 *
 * @example
 * await migrate(config.DATABASE_URL, new URL("../migrations", import.meta.url).pathname, logger);
 */
export async function migrate(url: string, dir: string, logger?: Logger): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('schema_migrations'))");
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      "SELECT name, checksum FROM schema_migrations",
    );
    const known = new Map(rows.map((r) => [r.name, r.checksum]));
    const applied: string[] = [];
    for (const file of files) {
      const sql = await readFile(join(dir, file), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = known.get(file);
      if (previous) {
        if (previous !== checksum)
          throw new Error(`Migration ${file} was edited after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query("INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)", [
          file,
          checksum,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(file);
      logger?.info({ migration: file }, "migration applied");
    }
    return { applied, skipped: files.length - applied.length };
  } finally {
    await client
      .query("SELECT pg_advisory_unlock(hashtext('schema_migrations'))")
      .catch(() => undefined);
    await client.end();
  }
}

const isReadTimeout = (error: unknown) =>
  error instanceof Error && /query read timeout/i.test(error.message);

const STATEMENT_KINDS = new Set([
  "select",
  "insert",
  "update",
  "delete",
  "with",
  "begin",
  "commit",
  "rollback",
  "savepoint",
  "release",
]);

/** The metrics label of a statement: its first keyword when it is a common one, else `other`. */
function statementKind(query: unknown): string {
  const text = typeof query === "string" ? query : (query as { text?: unknown } | null)?.text;
  if (typeof text !== "string") return "other";
  const word = /^\s*([a-z]+)/i.exec(text)?.[1]?.toLowerCase() ?? "";
  return STATEMENT_KINDS.has(word) ? word : "other";
}

/**
 * A pg client that never ends the process when its connection breaks, and drops its connection
 * when a query outlives `query_timeout`: the server may still be running that query (or a BEGIN)
 * and answer it later, so the connection's state is unknown and a pool must not hand it out again.
 * Pools get it through their `Client` option (pg, TypeORM's `extra`, Prisma's adapter pass it on).
 * Every query is timed as the `postgres` dependency.
 */
export class BoundedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection that breaks while nobody listens (checked out between two queries, in any
    // driver's hands) emits 'error'; unheard, that would end the process. The query using it
    // fails on its own, and the pool drops it.
    this.on("error", () => undefined);
  }

  // pg's query has many overloads (promise, callback, submittable); this wraps every form.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const started = performance.now();
    const operation = statementKind(args[0]);
    const settle = (error: unknown) => {
      if (isReadTimeout(error)) this.drop();
      const outcome = !error ? "ok" : isReadTimeout(error) ? "timeout" : "error";
      observeDependency("postgres", operation, outcome, (performance.now() - started) / 1000);
    };
    const last: unknown = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        settle(error);
        (last as (error: unknown, result: unknown) => void)(error, result);
      };
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out instanceof Promise) out.then(() => settle(undefined), settle);
    return out;
  }

  private drop(): void {
    // pg-pool reads `_queryable` when the client comes back: false removes it at once.
    const self = this as unknown as {
      _queryable: boolean;
      connection?: { stream?: { destroy(): void } };
    };
    self._queryable = false;
    self.connection?.stream?.destroy();
  }
}

/**
 * How long a part waits on PostgreSQL before it answers 503 DEPENDENCY_UNAVAILABLE (the fault
 * matrix in docs/fault-matrix.md is built on these): every pool of every part uses them.
 */
export const POSTGRES_BOUNDS = {
  /** Connecting, or waiting for a pooled connection to come free. */
  connectionTimeoutMillis: 2_000,
  /** Server side: a statement running longer is cancelled (57014); the connection stays usable. */
  statement_timeout: 2_000,
  /**
   * Client side: a server that accepts but never answers fails the query; the connection goes.
   * Below the 3 s a service waits for another (so the caller hears 503, not a timeout).
   */
  query_timeout: 2_500,
  Client: BoundedClient,
} as const;

/**
 * Opens a service's database the platform way: creates it when missing, applies the committed
 * migrations in `migrationsDir`, then returns a pool (idle-connection errors are logged, not thrown).
 *
 * @example
 * const db = await openDatabase(config.DATABASE_URL, fileURLToPath(new URL("../migrations", import.meta.url)), logger);
 */
export async function openDatabase(
  url: string,
  migrationsDir: string,
  logger: Logger,
  options: { max?: number } = {},
): Promise<pg.Pool> {
  await ensureDatabase(url);
  await migrate(url, migrationsDir, logger);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, ...POSTGRES_BOUNDS });
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection failed"));
  // A connection that breaks while checked out (a transaction waiting on another service) emits
  // 'error' with no pool listener attached; unheard, that would end the process. The query or
  // transaction using it fails on its own and answers 503.
  pool.on("connect", (client) =>
    client.on("error", (error) => logger.warn({ err: error }, "database connection lost")),
  );
  return pool;
}

/**
 * Runs `fn` in a transaction on one pooled connection: COMMIT on success, ROLLBACK on any error.
 * A connection whose ROLLBACK fails (server gone or hung) is dropped, not handed out again.
 */
export async function transaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
