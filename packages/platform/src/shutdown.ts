/** Graceful shutdown: on SIGTERM/SIGINT stop accepting, finish in-flight work, close pools, exit. */
import type { Logger } from "pino";
import type { Health } from "./health.js";
import { shutdownTracing } from "./tracing/flush.js";

export interface RunningService {
  /** Stops accepting connections and waits for in-flight requests. */
  close(): Promise<void>;
}

export interface RunServiceOptions {
  name: string;
  logger: Logger;
  health?: Health;
  /** Starts the server and returns how to stop it. */
  start: () => Promise<RunningService>;
  /** Closed after the server, in order (pools, Redis, queues). */
  resources?: Array<{ name: string; close: () => Promise<unknown> | unknown }>;
  /** Hard deadline for shutdown in ms (default 10000). */
  timeoutMs?: number;
}

/**
 * Starts a service and wires signal handling. A start failure is logged and exits with code 1.
 *
 * @example
 * await runService({ name: "bff", logger, health, start: async () => { await app.listen(...); return { close: () => app.close() }; } });
 */
export async function runService(options: RunServiceOptions): Promise<void> {
  const { logger, timeoutMs = 10_000 } = options;
  let running: RunningService;
  try {
    running = await options.start();
  } catch (error) {
    logger.fatal({ err: error }, `${options.name} failed to start`);
    await closeResources(options, logger);
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    options.health?.drain();
    const deadline = setTimeout(() => {
      logger.error("shutdown deadline passed; exiting");
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    try {
      await running.close();
      await closeResources(options, logger);
      // The last requests' spans, exported before the process goes.
      await shutdownTracing();
      logger.info("stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "error during shutdown");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

async function closeResources(options: RunServiceOptions, logger: Logger): Promise<void> {
  for (const resource of options.resources ?? []) {
    try {
      await resource.close();
    } catch (error) {
      logger.warn({ err: error, resource: resource.name }, "resource failed to close");
    }
  }
}
