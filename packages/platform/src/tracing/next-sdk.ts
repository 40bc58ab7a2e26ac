/**
 * The storefront's SDK: the tracer provider plus the undici instrumentation, which adds
 * `traceparent` (and the request id attribute) to the server's fetches. Loaded only by ./next.ts.
 */
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { currentRequestId } from "../context.ts";
import { registerNodeProvider } from "./provider.ts";
import type { TracingSettings } from "./config.ts";
import { REQUEST_ID_ATTRIBUTE } from "./spans.ts";

export function startFetchTracing(settings: TracingSettings): void {
  const provider = registerNodeProvider(settings);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new UndiciInstrumentation({
        startSpanHook: () => {
          const requestId = currentRequestId();
          return requestId ? { [REQUEST_ID_ATTRIBUTE]: requestId } : {};
        },
      }),
    ],
  });
}
