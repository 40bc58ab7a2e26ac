/** Database helpers: PostgreSQL errors that are the caller's fault (4xx, not 500) and RETURNING rows. */

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: PgError;
}

function pgError(error: unknown): PgError | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as PgError;
  return e.driverError ?? e;
}

/** True for a unique-violation (23505), optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === "23505" && (!constraint || e.constraint === constraint);
}

/**
 * Runs an UPDATE/DELETE … RETURNING and gives back the returned rows. (TypeORM's raw `query()`
 * answers `[rows, affectedCount]` for UPDATE and DELETE, and just `rows` for anything else.)
 */
export async function returning<T>(
  manager: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result = await manager.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === "number"
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
