/** BFF entry point: config → app → serve (listen, logs, graceful shutdown). */
import { serveFastify } from "@shop/platform/fastify";
import { buildApp } from "./app.js";
import { readConfig } from "./config.js";

try {
  const config = readConfig();
  const { app, health } = await buildApp(config);
  await serveFastify(app, { name: "bff", port: config.PORT, health });
} catch (error) {
  // Configuration and content-file errors name every bad field; print them, not a stack.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
