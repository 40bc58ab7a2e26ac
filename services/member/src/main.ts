/** Member service entry: generate the Prisma client if needed, then build, listen and shut down cleanly. */
import { ensurePrismaClient } from "./prisma/ensure-client.js";

ensurePrismaClient();
const { readConfig } = await import("./config.js");
const { buildApp } = await import("./app.js");
const { serveFastify } = await import("@shop/platform/fastify");

const config = readConfig();
const app = await buildApp(config);
await serveFastify(app, { name: "member", port: config.PORT });
