/**
 * Tracing for the Next.js storefront, started from its `instrumentation.ts`: Next's own spans
 * (it continues an incoming `traceparent` and times renders) plus traced fetches to the gateway.
 * No module hooks: Next has loaded its server before `register()` runs. Without an endpoint
 * nothing of the SDK is loaded.
 */
import { tracingSettingsFrom } from "./config.ts";

/**
 * Starts tracing when an OTLP endpoint is configured; resolves to whether it did.
 *
 * @example
 * // src/instrumentation.ts, inside register() for NEXT_RUNTIME === "nodejs"
 * await (await import("@shop/platform/tracing/next")).startNextTracing();
 */
export async function startNextTracing(env?: NodeJS.ProcessEnv): Promise<boolean> {
  const settings = tracingSettingsFrom(env);
  if (!settings) return false;
  const { startFetchTracing } = await import("./next-sdk.ts");
  startFetchTracing(settings);
  return true;
}
