/**
 * Preload for every Node part: `node --import @shop/platform/tracing/register <app>`. With an
 * OTLP endpoint configured it starts the SDK before the app's modules load; without one it
 * loads nothing of the SDK and the OpenTelemetry API stays a no-op.
 */
import { tracingSettingsFrom } from "./config.js";

const settings = tracingSettingsFrom();
if (settings) {
  const { startNodeTracing } = await import("./node-sdk.js");
  await startNodeTracing(settings);
}
