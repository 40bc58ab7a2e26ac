/** Whether and how a process exports traces, read from the standard OpenTelemetry variables. */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";

export interface TracingSettings {
  /** `service.name` of the process's spans. */
  serviceName: string;
  /** Where spans go (the OTLP/HTTP traces URL the exporter will use). */
  tracesUrl: string;
}

/**
 * The tracing settings of this process, or `undefined` when tracing is off: no
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_SDK_DISABLED=true`
 * or `OTEL_TRACES_EXPORTER=none`. The service name is `OTEL_SERVICE_NAME`, else the part's
 * folder name from its package.json (`@shop/order` → `order`).
 *
 * @example
 * tracingSettingsFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }, "/app/services/order");
 * // → { serviceName: "order", tracesUrl: "http://127.0.0.1:4318/v1/traces" }
 */
export function tracingSettingsFrom(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): TracingSettings | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return undefined;
  if (env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === "none") return undefined;
  const tracesUrl = tracesUrlFrom(env);
  if (!tracesUrl) return undefined;
  return { serviceName: env.OTEL_SERVICE_NAME?.trim() || partNameOf(cwd), tracesUrl };
}

function tracesUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const signalUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (signalUrl) return signalUrl;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!base) return undefined;
  return `${base.replace(/\/+$/, "")}/v1/traces`;
}

function partNameOf(cwd: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as {
      name?: unknown;
    };
    if (typeof manifest.name === "string") return manifest.name.replace(/^@[^/]+\//, "");
  } catch {
    // no package.json here: fall back to the folder's name
  }
  return basename(cwd);
}
