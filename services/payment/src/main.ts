/** Payment service entry point: config → app → listen (platform handles logs and shutdown). */
import { serveFastify } from "@shop/platform/fastify";
import { buildApp } from "./app.js";
import { readConfig } from "./config.js";

const config = readConfig();
const service = await buildApp(config);
await serveFastify(service.app, {
  name: "payment",
  port: config.PORT,
  resources: [{ name: "payment", close: () => service.close() }],
});
service.start();
