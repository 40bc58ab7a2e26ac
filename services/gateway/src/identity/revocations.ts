import type { Logger } from "@shop/platform";
import type { createRevocationList } from "@shop/platform/redis";

/** The revocation list loads in the background; a failed first load is retried until Redis answers. */
export function startRevocations(
  revocations: ReturnType<typeof createRevocationList>,
  logger: Logger,
): Promise<void> {
  return new Promise((resolve) => {
    const attempt = () =>
      revocations.start().then(resolve, (error: unknown) => {
        logger.warn({ err: error }, "revocation list not loaded yet; retrying");
        setTimeout(attempt, 2_000).unref();
      });
    attempt();
  });
}
