/** JSON logging with the service name, the current request id and trace ids on every line. */
import { pino, type Logger, type LoggerOptions } from "pino";
import { currentRequestId } from "./context.js";
import { currentTraceIds } from "./tracing/spans.js";

export type { Logger } from "pino";

/**
 * Creates the service's logger. Every line carries `service` and, inside a request, `requestId`;
 * inside a recorded span also `trace_id` and `span_id`.
 *
 * @param service - the part's name, spelled as its folder (`product`, `edge-proxy`).
 * @param level - pino level, default `info`.
 * @example
 * const logger = createLogger("bff", config.LOG_LEVEL);
 * logger.info({ upstream: "product" }, "fetched categories");
 */
export function createLogger(service: string, level: LoggerOptions["level"] = "info"): Logger {
  return pino({
    level,
    base: { service },
    messageKey: "msg",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const requestId = currentRequestId();
      return { ...(requestId ? { requestId } : {}), ...currentTraceIds() };
    },
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "*.password",
        "*.token",
        "*.refreshToken",
      ],
      censor: "[redacted]",
    },
  });
}

/** Logs one line for a finished request, at a level that follows the status. */
export function logRequest(
  logger: Logger,
  entry: {
    method: string;
    path: string;
    status: number;
    durationMs: number;
    [key: string]: unknown;
  },
): void {
  const level = entry.status >= 500 ? "error" : entry.status >= 400 ? "warn" : "info";
  logger[level](
    { ...entry, durationMs: Math.round(entry.durationMs * 10) / 10 },
    "request completed",
  );
}
