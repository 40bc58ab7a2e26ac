/**
 * @shop/contracts: schemas and types for everything that crosses a service boundary.
 *
 * Relative imports in this package name the `.ts` file: the storefront's bundler (Turbopack)
 * does not map a `.js` specifier to its `.ts` source, and Node (tsx, swc) and Bun take either.
 */
export * from "./common.ts";
export * from "./categories.ts";
export * from "./products.ts";
export * from "./reviews.ts";
export * from "./pages.ts";
export * from "./catalog-events.ts";
export * from "./members.ts";
export * from "./auth.ts";
export * from "./carts.ts";
export * from "./orders.ts";
export * from "./order-states.ts";
export * from "./payments.ts";
export * from "./catalog-internal.ts";
export * from "./cards.ts";
export * from "./session.ts";
export * from "./api-routes.ts";
export * from "./platform-metrics.ts";
