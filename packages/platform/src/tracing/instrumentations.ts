/**
 * The instrumentations every Node part runs with: http and undici (every call between parts),
 * Fastify, Koa, Express + NestJS, pg and ioredis. Health checks and metric scrapes make no spans;
 * Koa and Express middleware make none either (routes and handlers do).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { FastifyOtelInstrumentation } from "@fastify/otel";
import type { Instrumentation } from "@opentelemetry/instrumentation";
import { ExpressInstrumentation, ExpressLayerType } from "@opentelemetry/instrumentation-express";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { IORedisInstrumentation } from "@opentelemetry/instrumentation-ioredis";
import { KoaInstrumentation, KoaLayerType } from "@opentelemetry/instrumentation-koa";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import type { Span } from "@opentelemetry/api";
import { currentRequestId, REQUEST_ID_HEADER } from "../context.js";
import { Nest12Instrumentation } from "./nest-instrumentation.js";
import { isProbePath, REQUEST_ID_ATTRIBUTE } from "./spans.js";

/** Creates (and thereby enables) the instrumentations; call after the ESM hook is registered. */
export function nodeInstrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => isProbePath(request.url),
      // A part that generated the id (no incoming header) still answers with it.
      applyCustomAttributesOnSpan: (span, request, response) => {
        if ("headers" in request && "getHeader" in response)
          tagServerSpan(
            span,
            request.headers[REQUEST_ID_HEADER] ?? response.getHeader(REQUEST_ID_HEADER),
          );
      },
    }),
    new UndiciInstrumentation({
      startSpanHook: () => {
        const requestId = currentRequestId();
        return requestId ? { [REQUEST_ID_ATTRIBUTE]: requestId } : {};
      },
    }),
    new FastifyOtelInstrumentation({
      registerOnInitialization: true,
      instrumentHooks: false,
      ignorePaths: (route) => isProbePath(route.url),
    }),
    new KoaInstrumentation({ ignoreLayersType: [KoaLayerType.MIDDLEWARE] }),
    new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
    new Nest12Instrumentation(),
    // Background loops (outbox relay, sweepers) poll without a request: no root spans for them.
    new PgInstrumentation({ requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];
}

function tagServerSpan(
  span: Span,
  value: IncomingMessage["headers"][string] | ReturnType<ServerResponse["getHeader"]>,
) {
  const requestId = Array.isArray(value) ? value[0] : value;
  if (requestId !== undefined) span.setAttribute(REQUEST_ID_ATTRIBUTE, String(requestId));
}
