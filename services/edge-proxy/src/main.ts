/** Edge proxy entry point: config → app → Bun.serve, with graceful shutdown from the platform. */
import { createLogger, runService } from "@shop/platform";
import { startBunTracing, traceServerRequest } from "@shop/platform/tracing/bun";
import { buildApp } from "./app.js";
import { readConfig } from "./config.js";

const config = readConfig();
// Before the app: its clients' fetches are traced only when this found an OTLP endpoint.
const tracing = await startBunTracing();
const logger = createLogger("edge-proxy", config.LOG_LEVEL);
const app = buildApp(config, { logger });

await runService({
  name: "edge-proxy",
  logger,
  health: app.health,
  start: async () => {
    await app.start();
    const server = Bun.serve({
      port: config.PORT,
      // Chosen once: without tracing the hot path stays the app's own handler.
      fetch: tracing
        ? (request, bunServer) => traceServerRequest(request, () => app.fetch(request, bunServer))
        : app.fetch,
      maxRequestBodySize: config.MAX_BODY_MB * 1024 * 1024,
      idleTimeout: 120,
    });
    logger.info({ port: server.port }, "edge-proxy listening");
    return { close: () => server.stop() };
  },
  resources: [{ name: "app", close: () => app.close() }],
});
