/** Liveness and readiness: `/health` answers while the process runs, `/health/ready` checks dependencies. */

export type HealthCheck = () => Promise<unknown>;

export interface HealthReport {
  status: "ok" | "unavailable";
  service: string;
  uptimeSeconds: number;
  checks?: Record<string, { status: "ok" | "down"; durationMs: number; error?: string }>;
}

export interface Health {
  live(): HealthReport;
  ready(): Promise<HealthReport>;
  /** Marks the service as shutting down: readiness fails from now on. */
  drain(): void;
}

/**
 * Builds the health reports for a service.
 *
 * @param checks - named dependency probes (each should be cheap, e.g. `select 1`, `PING`).
 * @param timeoutMs - per-check timeout (default 1000).
 * @example
 * const health = createHealth("member", { postgres: () => pool.query("select 1") });
 */
export function createHealth(
  service: string,
  checks: Record<string, HealthCheck> = {},
  timeoutMs = 1000,
): Health {
  const started = Date.now();
  let draining = false;
  const base = () => ({ service, uptimeSeconds: Math.round((Date.now() - started) / 1000) });

  return {
    live: () => ({ status: "ok", ...base() }),
    drain: () => {
      draining = true;
    },
    async ready() {
      const results: NonNullable<HealthReport["checks"]> = {};
      await Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          const t0 = performance.now();
          try {
            await withTimeout(check(), timeoutMs);
            results[name] = { status: "ok", durationMs: Math.round(performance.now() - t0) };
          } catch (error) {
            results[name] = {
              status: "down",
              durationMs: Math.round(performance.now() - t0),
              error: error instanceof Error ? error.message.slice(0, 200) : "failed",
            };
          }
        }),
      );
      const ok = !draining && Object.values(results).every((r) => r.status === "ok");
      return { status: ok ? "ok" : "unavailable", ...base(), checks: results };
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
