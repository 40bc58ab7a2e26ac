/** Recognises PostgreSQL errors that are the caller's fault, so they become 4xx, not 500. */

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

/** True for a check-constraint violation (23514), optionally on one named constraint. */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === "23514" && (!constraint || e.constraint === constraint);
}
