/** Product service entry point: configuration, app, listen, graceful shutdown. */
import "reflect-metadata";
import { ConfigError, createLogger, runService } from "@shop/platform";
import { buildApp } from "./app.js";
import { loadProductConfig, type ProductConfig } from "./config.js";

let config: ProductConfig;
try {
  config = loadProductConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const logger = createLogger("product", config.LOG_LEVEL);
const built = await buildApp(config, { logger }).catch((error: unknown) => {
  logger.fatal({ err: error }, "product failed to start");
  process.exit(1);
});

await runService({
  name: "product",
  logger,
  health: built.health,
  start: async () => {
    await built.app.listen(config.PORT);
    logger.info(
      { port: config.PORT, images: built.storage.driver, seed: config.ENABLE_SEED },
      "product service listening",
    );
    return { close: () => built.close() };
  },
});
