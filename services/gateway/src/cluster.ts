/** Optional worker processes (GATEWAY_WORKERS > 1): the primary forks, restarts crashed workers, and forwards signals. */
import type { Logger } from "@shop/platform";
import cluster from "node:cluster";

export async function runWorkers(
  workers: number,
  logger: Logger,
  startWorker: () => Promise<void>,
): Promise<void> {
  if (workers <= 1 || !cluster.isPrimary) return startWorker();
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    logger.warn({ pid: worker.process.pid, code }, "gateway worker exited; starting another");
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const deadline = setTimeout(() => process.exit(1), 12_000);
    deadline.unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
