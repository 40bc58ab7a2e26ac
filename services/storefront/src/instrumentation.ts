/**
 * Runs once when the server starts: refuse to serve with an invalid configuration, and start
 * the platform's tracing when an OTLP endpoint is configured (Next's spans continue the edge's
 * traceparent; fetches to the gateway carry the storefront's).
 */
export async function register(): Promise<void> {
  // Next replaces NEXT_RUNTIME at build time, so the Node-only check is left out of edge bundles.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertConfig } = await import("./config");
    assertConfig();
    const { startNextTracing } = await import("@shop/platform/tracing/next");
    await startNextTracing();
  }
}
