/** Auth service entry: read config, build, listen, shut down cleanly. */
import { serveKoa } from "@shop/platform/koa";
import { buildApp } from "./app.js";
import { readConfig } from "./config.js";

const config = readConfig();
const { koa, health, logger, close } = await buildApp(config);
await serveKoa(koa, {
  name: "auth",
  port: config.PORT,
  logger,
  health,
  resources: [{ name: "auth", close }],
});
