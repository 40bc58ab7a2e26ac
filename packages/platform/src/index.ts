/** @shop/platform: the cross-cutting code every part of the platform shares. */
export * from "./config.js";
export * from "./context.js";
export * from "./logging.js";
export * from "./errors/catalogue.js";
export * from "./errors/app-error.js";
export * from "./errors/problem.js";
export * from "./http-client.js";
export * from "./health.js";
export * from "./shutdown.js";
export * from "./identity.js";
export * from "./access.js";
export * from "./relay-loop.js";
export * from "./metrics.js";
export * from "./signals.js";
export * from "./startup.js";
export * from "./client-address.js";
export * from "./docs-page.js";
