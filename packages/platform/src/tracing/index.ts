/**
 * Tracing helpers for application code (OpenTelemetry API only). The SDK itself starts from
 * `node --import @shop/platform/tracing/register` (Node parts) or `startBunTracing` (the edge).
 */
export * from "./spans.js";
export { tracingSettingsFrom, type TracingSettings } from "./config.js";
