/** A periodic background job: never overlaps itself, never keeps the process alive, logs failures. */
import type { Logger } from "@shop/platform";

export interface PeriodicJob {
  start(): void;
  stop(): Promise<void>;
  /** Runs once now (also used by tests); resolves when done. */
  runOnce(): Promise<void>;
}

export function periodic(
  name: string,
  intervalMs: number,
  logger: Logger,
  job: () => Promise<unknown>,
): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const runOnce = () => {
    running ??= job()
      .then((result) => {
        if (
          result &&
          typeof result === "object" &&
          Object.values(result).some((v) => typeof v === "number" && v > 0)
        ) {
          logger.info({ job: name, ...result }, `${name} done`);
        }
      })
      .catch((error: unknown) => logger.warn({ err: error, job: name }, `${name} failed`))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    start() {
      if (timer || intervalMs <= 0) return;
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
    runOnce,
  };
}
