import assert from "node:assert/strict";
import { test } from "node:test";
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import {
  currentTraceIds,
  isProbePath,
  ORDER_ID_ATTRIBUTE,
  tracePropagationHeaders,
  withSpan,
} from "./spans.js";

test("without a provider: no ids, no propagation headers, work still runs", async () => {
  assert.equal(currentTraceIds(), undefined);
  assert.deepEqual(tracePropagationHeaders(), []);
  assert.equal(await withSpan("noop", {}, async () => currentTraceIds()), undefined);
});

test("withSpan nests, names the attributes, marks failures; ids follow the active span", async () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);

  const ids = await withSpan("checkout", { [ORDER_ID_ATTRIBUTE]: "o-1" }, async () => {
    const outer = currentTraceIds();
    await assert.rejects(
      withSpan("checkout.reserve-stock", {}, async () => {
        throw new Error("sold out");
      }),
      /sold out/,
    );
    return outer;
  });
  const [step, saga] = exporter.getFinishedSpans();
  assert.equal(saga?.name, "checkout");
  assert.equal(saga?.attributes[ORDER_ID_ATTRIBUTE], "o-1");
  assert.deepEqual(ids, {
    trace_id: saga?.spanContext().traceId,
    span_id: saga?.spanContext().spanId,
  });
  assert.equal(step?.parentSpanContext?.spanId, saga?.spanContext().spanId);
  assert.equal(step?.status.code, 2);
  assert.equal(step?.events[0]?.name, "exception");
  assert.equal(currentTraceIds(), undefined, "outside any span again");
  assert.deepEqual(tracePropagationHeaders(), ["traceparent", "tracestate"]);
});

test("probe paths are health, readiness and metrics, with or without a query", () => {
  assert.ok(isProbePath("/health"));
  assert.ok(isProbePath("/health/ready?x=1"));
  assert.ok(isProbePath("/metrics"));
  assert.ok(!isProbePath("/api/checkout"));
  assert.ok(!isProbePath(undefined));
});
