/** Order service entry point: config → app → listen (platform handles logs and shutdown). */
import { serveFastify } from "@shop/platform/fastify";
import { buildApp } from "./app.js";
import { readConfig } from "./config.js";

const config = readConfig();
const service = await buildApp(config);
await serveFastify(service.app, {
  name: "order",
  port: config.PORT,
  resources: [{ name: "order", close: () => service.close() }],
});
service.start();
