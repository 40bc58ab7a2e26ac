/** Starts the API gateway: environment, route file, server, graceful shutdown. */
import { createLogger, runService } from "@shop/platform";
import { buildApp } from "./app.js";
import { loadGatewayEnv } from "./config.js";
import { loadGatewayFile } from "./gateway-file/load.js";
import { runWorkers } from "./cluster.js";

const env = loadGatewayEnv();
const logger = createLogger("gateway", env.LOG_LEVEL);
const file = loadGatewayFile(env.GATEWAY_CONFIG);

await runWorkers(env.GATEWAY_WORKERS, logger, async () => {
  const gateway = buildApp(env, file, logger);
  await runService({
    name: "gateway",
    logger,
    health: gateway.health,
    start: async () => {
      const port = await gateway.listen(env.PORT);
      logger.info({ port, routes: file.routes.length }, "gateway listening");
      return { close: () => gateway.close() };
    },
  });
});
