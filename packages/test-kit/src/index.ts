/**
 * @shop/test-kit: helpers for tests against the real PostgreSQL, Redis and services.
 *
 * Every helper isolates what it creates (a throwaway database, a random key prefix, a free
 * port) so tests can run beside a developer's running platform and beside each other.
 */
export * from "./databases.js";
export * from "./redis.js";
export * from "./wait.js";
export * from "./token-issuer.js";
export * from "./product-service.js";
export * from "./member-service.js";
export * from "./service-process.js";
export * from "./otlp-receiver.js";
