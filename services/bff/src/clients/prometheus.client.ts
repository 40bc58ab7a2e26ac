/** Prometheus' HTTP query API (instant and range queries), read by the admin platform page. */
import { AppError, createServiceClient, type ServiceClient } from "@shop/platform";
import { z } from "zod";

/** A sample as Prometheus sends it: `[epoch seconds, "value"]` ("NaN", "+Inf" included). */
const Sample = z.tuple([z.number(), z.string()]);
const Labels = z.record(z.string(), z.string());

const VectorAnswer = z.object({
  status: z.literal("success"),
  data: z.object({
    resultType: z.literal("vector"),
    result: z.array(z.object({ metric: Labels, value: Sample })),
  }),
});

const MatrixAnswer = z.object({
  status: z.literal("success"),
  data: z.object({
    resultType: z.literal("matrix"),
    result: z.array(z.object({ metric: Labels, values: z.array(Sample) })),
  }),
});

/** One series of an instant query; `value` is NaN when Prometheus computed no number (0/0). */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

export interface RangeSeries {
  labels: Record<string, string>;
  points: Array<[epochSeconds: number, value: number]>;
}

export interface RangeWindow {
  /** Epoch seconds. */
  start: number;
  end: number;
  stepSeconds: number;
}

export type PrometheusApi = ReturnType<typeof createPrometheusApi>;

/** How long a caller should wait before asking again while Prometheus is down. */
const RETRY_AFTER_SECONDS = "15";

export function createPrometheusApi(options: { baseUrl: string; timeoutMs: number }) {
  const client: ServiceClient = createServiceClient({
    name: "prometheus",
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: 0,
    connections: 8,
  });

  async function get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>) {
    let response;
    try {
      response = await client.call(path, { query, allowErrors: true });
    } catch (error) {
      throw unavailable(error);
    }
    if (response.status >= 500) throw unavailable(response.body);
    const parsed = schema.safeParse(response.body);
    if (response.status >= 400 || !parsed.success) {
      // A query Prometheus refuses is our defect, not the caller's: 502, never 500.
      throw new AppError("UPSTREAM_BAD_RESPONSE", "Prometheus refused a platform query", {
        cause: parsed.success ? response.body : parsed.error,
        extra: { upstream: "prometheus" },
      });
    }
    return parsed.data;
  }

  return {
    async instant(promql: string, at: number): Promise<InstantSample[]> {
      const answer = await get("/api/v1/query", { query: promql, time: String(at) }, VectorAnswer);
      return answer.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
    },
    async range(promql: string, window: RangeWindow): Promise<RangeSeries[]> {
      const answer = await get(
        "/api/v1/query_range",
        {
          query: promql,
          start: String(window.start),
          end: String(window.end),
          step: String(window.stepSeconds),
        },
        MatrixAnswer,
      );
      return answer.data.result.map((r) => ({
        labels: r.metric,
        points: r.values.map(([t, v]) => [t, Number(v)] as [number, number]),
      }));
    },
    close: () => client.close(),
  };
}

function unavailable(cause: unknown): AppError {
  return new AppError(
    "DEPENDENCY_UNAVAILABLE",
    "Prometheus is unavailable, so the platform's metrics cannot be shown right now",
    { cause, headers: { "retry-after": RETRY_AFTER_SECONDS }, extra: { dependency: "prometheus" } },
  );
}
