/** The tracer provider of a Node process: the part's service name, OTLP/HTTP batches. */
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import type { TracingSettings } from "./config.ts";

/**
 * Creates and registers the global provider: AsyncLocalStorage context and the W3C
 * `traceparent` + baggage propagator. The exporter also reads the standard
 * OTEL_EXPORTER_OTLP_* variables (headers, timeout, compression).
 */
export function registerNodeProvider(settings: TracingSettings): NodeTracerProvider {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.tracesUrl }))],
  });
  provider.register();
  return provider;
}
