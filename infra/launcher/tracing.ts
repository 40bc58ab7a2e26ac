/**
 * Where a stack's parts send traces: the stack's own OTLP receiver port for stacks whose tests
 * collect spans (e2e), otherwise the user's OTEL_* variables passed through (none: tracing off).
 */
import type { Part } from "../parts.js";
import type { StackProfile } from "./stacks.js";

/** The standard OTLP/HTTP port; a stack's receiver listens at this plus its port offset. */
export const OTLP_HTTP_PORT = 4318;

export function otlpReceiverPort(profile: StackProfile): number {
  return OTLP_HTTP_PORT + profile.portOffset;
}

/** The OTLP/HTTP base URL the parts of `profile` export to, if any. */
export function tracesEndpoint(
  profile: StackProfile,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (profile.exportTraces) return `http://127.0.0.1:${otlpReceiverPort(profile)}`;
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
}

/** The OTEL_* environment of one part (`OTEL_SERVICE_NAME` is always the part's name). */
export function tracingEnv(
  part: Part,
  profile: StackProfile,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  if (profile.exportTraces) {
    return {
      OTEL_SERVICE_NAME: part.name,
      OTEL_EXPORTER_OTLP_ENDPOINT: tracesEndpoint(profile)!,
      // Spans reach the tests' receiver within a second instead of the default five.
      OTEL_BSP_SCHEDULE_DELAY: "500",
    };
  }
  const passed: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (name.startsWith("OTEL_") && value !== undefined) passed[name] = value;
  return Object.keys(passed).length ? { ...passed, OTEL_SERVICE_NAME: part.name } : {};
}
