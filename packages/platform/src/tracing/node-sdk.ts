/**
 * The OpenTelemetry SDK of a Node part: ESM + CommonJS module hooks, the tracer provider and the
 * platform's instrumentations. Loaded only by ./register.ts, and only when tracing is configured.
 */
import { register } from "node:module";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import type { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { createAddHookMessageChannel } from "import-in-the-middle";
import { nodeInstrumentations } from "./instrumentations.js";
import { NEST_INTERNAL_FILES } from "./nest-instrumentation.js";
import { registerNodeProvider } from "./provider.js";
import type { TracingSettings } from "./config.js";

/** Starts tracing for this process; resolves once the module hooks are in place. */
export async function startNodeTracing(settings: TracingSettings): Promise<NodeTracerProvider> {
  // Only modules an instrumentation asks for are wrapped (ESM imports of fastify, pg, …).
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel<{
    include: Array<string | RegExp>;
  }>();
  // The NestJS instrumentation patches two files inside @nestjs/core, which the hooked names
  // (package names only) would not reach.
  registerOptions.data?.include.push(NEST_INTERNAL_FILES);
  register("import-in-the-middle/hook.mjs", import.meta.url, registerOptions);
  const provider = registerNodeProvider(settings);
  registerInstrumentations({ tracerProvider: provider, instrumentations: nodeInstrumentations() });
  await waitForAllMessagesAcknowledged();
  return provider;
}
