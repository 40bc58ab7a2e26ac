/** Flushes and stops whatever tracer provider this process registered (a no-op without one). */
import { trace } from "@opentelemetry/api";

interface Stoppable {
  shutdown?: () => Promise<void>;
}

/**
 * Exports the spans still buffered and stops the provider, waiting at most `timeoutMs`
 * (default 2000) so an unreachable collector never holds up a shutdown.
 *
 * @example
 * await shutdownTracing(); // last step before process.exit
 */
export async function shutdownTracing(timeoutMs = 2000): Promise<void> {
  const global = trace.getTracerProvider() as { getDelegate?: () => unknown };
  const provider = (global.getDelegate?.() ?? global) as Stoppable;
  if (typeof provider.shutdown !== "function") return;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([provider.shutdown().catch(() => undefined), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
