/** @shop/contracts: schemas and types for everything that crosses a service boundary. */
export * from "./common.js";
export * from "./catalog-events.js";
export * from "./members.js";
export * from "./auth.js";
export * from "./orders.js";
export * from "./payments.js";
export * from "./catalog-internal.js";
