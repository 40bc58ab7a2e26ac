/**
 * Recognises a failed data store (PostgreSQL, Redis) in whatever its driver threw — pg, TypeORM,
 * Prisma or ioredis — so every part answers an outage the same way: 503 DEPENDENCY_UNAVAILABLE with
 * Retry-After, never a 500 carrying a driver message. Domain code may still map its own cases first.
 */

/** Network failures a driver reports by code when the store is down or unreachable. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL SQLSTATEs that mean "the database cannot serve now": class 08 (connection
 * exception), 57P01–57P03 (shutting down, cannot connect now), 53300 (too many connections),
 * 57014 (statement cancelled: the statement timeout that bounds a hung query).
 */
const PG_UNAVAILABLE = /^(08...|57P0[1-3]|53300|57014)$/;

/** Prisma's "cannot reach / timed out / pool exhausted" error codes. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Messages of pg, ioredis and TypeORM for a store that is gone, hung or refusing. */
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /query read timeout/i,
  /connection timeout/i,
  /command timed out/i,
  /connection is closed/i,
  /stream isn't writeable/i,
  /reached the max retries per request limit/i,
  /can't reach database server/i,
  /timed out fetching a new connection from the connection pool/i,
];

/**
 * Which store failed (`postgres`, `redis`, or `network` when only a refused or lost connection
 * says so), or undefined when `error` is something else.
 */
export function failedStore(error: unknown): "postgres" | "redis" | "network" | undefined {
  for (const candidate of chain(error)) {
    const e = candidate as { name?: unknown; code?: unknown; message?: unknown };
    const name = typeof e.name === "string" ? e.name : "";
    const code = typeof e.code === "string" ? e.code : "";
    const message = typeof e.message === "string" ? e.message : "";
    if (
      name === "MaxRetriesPerRequestError" ||
      /command timed out|stream isn't writeable/i.test(message)
    )
      return "redis";
    if (
      /^Prisma/.test(name) &&
      (PRISMA_UNAVAILABLE.has(code) || name === "PrismaClientInitializationError")
    )
      return "postgres";
    if (PG_UNAVAILABLE.test(code)) return "postgres";
    // TypeORM, when the connection under a transaction broke and the runner was let go.
    if (name === "QueryRunnerAlreadyReleasedError") return "postgres";
    if (MESSAGES.some((pattern) => pattern.test(message)))
      return /redis/i.test(`${name} ${message}`) ? "redis" : "postgres";
    if (NETWORK_CODES.has(code)) return "network";
  }
  return undefined;
}

/**
 * The error, its causes, TypeORM's `driverError`, Prisma's driver-adapter error (`meta`, whose
 * cause carries the PostgreSQL code) and an AggregateError's errors, depth-bounded.
 */
function* chain(error: unknown, depth = 0): Generator<unknown> {
  if (!error || typeof error !== "object" || depth > 5) return;
  yield error;
  const e = error as {
    cause?: unknown;
    driverError?: unknown;
    errors?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  yield* chain(e.cause, depth + 1);
  yield* chain(e.driverError, depth + 1);
  yield* chain(e.meta?.driverAdapterError, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, depth + 1);
}
