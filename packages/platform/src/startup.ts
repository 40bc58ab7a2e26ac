/**
 * Start-up work that needs a data store (the first admin, the catalogue seed) runs again while the
 * store is unavailable or too slow to answer within the request bounds — a cold or busy database
 * at boot — instead of ending the process. Requests keep their bounds; only the start waits.
 */
import type { Logger } from "pino";
import { failedStore } from "./errors/dependency.js";

/**
 * Runs `step`, again with backoff while it fails because a data store is unavailable, for at most
 * `forMs` (default 30 s); any other failure, or the last one, is thrown.
 *
 * @example
 * await retryWhileStoreUnavailable("first admin", () => ensureFirstAdmin(store, admin, logger), logger);
 */
export async function retryWhileStoreUnavailable<T>(
  what: string,
  step: () => Promise<T>,
  logger: Logger,
  forMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + forMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!failedStore(error) || Date.now() >= deadline) throw error;
      logger.warn({ err: error, attempt }, `${what}: data store unavailable at start; retrying`);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(250 * 2 ** (attempt - 1), 2_000)),
      );
    }
  }
}
