/**
 * Spans of the platform's own work (saga steps, background jobs) through the OpenTelemetry API
 * only: without a started SDK every call here is a no-op.
 */
import {
  propagation,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
  type SpanOptions,
} from "@opentelemetry/api";

/** Span attribute naming the request id (`X-Request-Id`) a span belongs to. */
export const REQUEST_ID_ATTRIBUTE = "shop.request_id";
/** Span attribute naming the order a span works on. */
export const ORDER_ID_ATTRIBUTE = "shop.order_id";

const tracer = trace.getTracer("@shop/platform");
const PROBE_PATHS = new Set(["/health", "/health/ready", "/metrics"]);

/** True for requests that only probe a process (liveness, readiness, Prometheus scrapes): never traced. */
export function isProbePath(url: string | undefined): boolean {
  return PROBE_PATHS.has((url ?? "").split("?")[0] ?? "");
}

/**
 * Runs `work` inside a new active span named `name`: child spans (queries, calls) nest under it,
 * a thrown error marks it failed, and it ends when `work` settles.
 *
 * @example
 * await withSpan("checkout.reserve", { [ORDER_ID_ATTRIBUTE]: orderId }, () => product.reserve(items));
 */
export function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  options: Omit<SpanOptions, "attributes"> = {},
): Promise<T> {
  return tracer.startActiveSpan(name, { ...options, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      markFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * The headers the registered propagator writes (`traceparent`, `tracestate`, `baggage`); empty
 * while tracing is off. A proxy drops the caller's copies when the instrumentation adds its own.
 */
export function tracePropagationHeaders(): readonly string[] {
  return propagation.fields();
}

/** Puts the request id on the active span (the request's server span where a part has one). */
export function tagRequestId(requestId: string): void {
  trace.getActiveSpan()?.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
}

/** Records `error` on `span` and sets its status to ERROR. */
export function markFailed(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/** The active span's trace and span ids, for log lines; `undefined` outside a recorded span. */
export function currentTraceIds(): { trace_id: string; span_id: string } | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return undefined;
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
