/**
 * Prometheus metrics for every part (prom-client): one registry per process labelled with the
 * part's name, the RED metrics of its own routes and of every outbound call, and get-or-create
 * helpers for the platform's and the shop's own signals. Route labels are templates
 * (`/api/products/:slug`), never raw URLs, so every label set stays bounded.
 */
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";
// `.ts`: the storefront's bundler (Turbopack) loads this file and maps no `.js` specifier to source.
import { loadConfig, metricsEnv } from "./config.ts";

/** The process's registry: every metric of the platform lives here. */
export const registry = new client.Registry();

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

let startedFor: string | undefined;
/** False when METRICS=false: requests and calls are not observed (the route still answers). */
let observing = true;
let access: { token: string | undefined; production: boolean } = {
  token: undefined,
  production: false,
};

/**
 * Labels every metric with `service`, reads `METRICS`, `METRICS_TOKEN` and `NODE_ENV` from `env`, and
 * collects the process metrics (CPU, memory, event-loop lag, GC). The framework adapters call it
 * with the part's name; the first call in a process wins (tests may build several apps).
 *
 * @example
 * startMetrics("gateway");
 */
export function startMetrics(service: string, env?: Record<string, string | undefined>): void {
  if (startedFor) return;
  startedFor = service;
  const config = env ? loadConfig(metricsEnv(), env) : loadConfig(metricsEnv());
  access = { token: config.METRICS_TOKEN, production: config.NODE_ENV === "production" };
  observing = config.METRICS;
  registry.setDefaultLabels({ service });
  if (observing)
    client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
}

/** False when METRICS=false: callers may skip the work of preparing an observation. */
export const metricsObserving = () => observing;

/** prom-client's `collect` option (called with the metric as `this`) for a callback, if any. */
function collectOption<M>(collect: ((metric: M) => void | Promise<void>) | undefined) {
  if (!collect) return {};
  return {
    async collect(this: M) {
      await collect(this);
    },
  };
}

/**
 * A counter, created on first use (same name → same counter). `collect` runs at every scrape, for
 * totals counted elsewhere (reset and re-add them there).
 */
export function counter<L extends string = never>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
  collect?: (counter: client.Counter<L>) => void,
): client.Counter<L> {
  const found = registry.getSingleMetric(name);
  if (found) return found as client.Counter<L>;
  const registers = [registry];
  return new client.Counter<L>({ name, help, labelNames, registers, ...collectOption(collect) });
}

/**
 * A gauge, created on first use. `collect` runs at every scrape (read a backlog, a pool size);
 * it may be async and should bound its own wait.
 */
export function gauge<L extends string = never>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
  collect?: (gauge: client.Gauge<L>) => void | Promise<void>,
): client.Gauge<L> {
  const found = registry.getSingleMetric(name);
  if (found) return found as client.Gauge<L>;
  const registers = [registry];
  return new client.Gauge<L>({ name, help, labelNames, registers, ...collectOption(collect) });
}

/** `2xx`, `4xx`, … for a status code. */
export const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

/** The route label of a request no route matched (one value for every unknown URL). */
export const UNMATCHED_ROUTE = "unmatched";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * A histogram for the per-request path: each label set keeps plain bucket counts (found by a
 * joined key, no label hashing or validation per call), and prom-client's registry renders them
 * at scrape time through the metric interface it calls (`get()`), so the exposition format stays
 * the library's. The two request histograms use it: they are observed on every request.
 */
class KeyedHistogram<L extends string> {
  private readonly series = new Map<
    string,
    { labels: Record<L, string>; counts: Float64Array; sum: number; count: number }
  >();
  readonly type = "histogram";
  readonly aggregator = "sum";

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[] = SECONDS_BUCKETS,
  ) {
    registry.registerMetric(this as unknown as client.Metric);
  }

  observe(labels: Record<L, string>, key: string, value: number): void {
    let entry = this.series.get(key);
    if (!entry) {
      const counts = new Float64Array(this.buckets.length + 1);
      entry = { labels, counts, sum: 0, count: 0 };
      this.series.set(key, entry);
    }
    let i = 0;
    while (i < this.buckets.length && value > this.buckets[i]!) i++;
    entry.counts[i]! += 1;
    entry.sum += value;
    entry.count += 1;
  }

  /** What the registry renders (the shape prom-client's own metrics answer `get()` with). */
  get() {
    const values: Array<client.MetricValueWithName<string>> = [];
    for (const { labels, counts, sum, count } of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((le, i) => {
        cumulative += counts[i]!;
        values.push({
          metricName: `${this.name}_bucket`,
          labels: { ...labels, le },
          value: cumulative,
        });
      });
      values.push({
        metricName: `${this.name}_bucket`,
        labels: { ...labels, le: "+Inf" },
        value: count,
      });
      values.push({ metricName: `${this.name}_sum`, labels, value: sum });
      values.push({ metricName: `${this.name}_count`, labels, value: count });
    }
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values,
      aggregator: this.aggregator,
    };
  }

  reset(): void {
    this.series.clear();
  }
}

/**
 * A counter's `inc` through children bound per label set (no label lookup per call by name); a
 * no-op when METRICS=false.
 *
 * @example
 * const countRefusal = boundCounter(() => counter("rate_limit_rejections_total", help, ["route"]));
 * countRefusal({ route: "/api/cart" }, "/api/cart");
 */
export function boundCounter<L extends string>(metric: () => client.Counter<L>) {
  const children = new Map<string, client.Counter.Internal>();
  return (labels: Record<L, string>, key: string, n = 1) => {
    if (!observing) return;
    let child = children.get(key);
    if (!child) {
      child = metric().labels(labels as client.LabelValues<L>);
      children.set(key, child);
    }
    child.inc(n);
  };
}

const requestDuration = new KeyedHistogram<"method" | "route" | "status_class">(
  "http_server_request_duration_seconds",
  "Time from request to response of this part's own routes, by route template and status class",
);

/**
 * Records one served request (RED: the histogram's `_count` is the rate, `status_class` the
 * errors, its buckets the duration). `route` is the matched template, undefined when none matched.
 *
 * @example
 * observeRequest({ method: "GET", route: "/api/cart", status: 200, seconds: 0.004 });
 */
export function observeRequest(request: {
  method: string;
  route: string | undefined;
  status: number;
  seconds: number;
}): void {
  if (!observing) return;
  const method = METHODS.has(request.method) ? request.method : "other";
  const route = request.route ?? UNMATCHED_ROUTE;
  const status_class = statusClass(request.status);
  const key = `${method} ${status_class} ${route}`;
  requestDuration.observe({ method, route, status_class }, key, request.seconds);
}

const dependencyDuration = new KeyedHistogram<"dependency" | "operation" | "outcome">(
  "dependency_request_duration_seconds",
  "Time of each outbound call (service, PostgreSQL, Redis), by dependency, operation and outcome",
);

/** How an outbound call ended. */
export type DependencyOutcome = "ok" | "error" | "timeout";

/** Records one outbound call that took `seconds`. */
export function observeDependency(
  dependency: string,
  operation: string,
  outcome: DependencyOutcome,
  seconds: number,
): void {
  if (!observing) return;
  const key = `${dependency} ${operation} ${outcome}`;
  dependencyDuration.observe({ dependency, operation, outcome }, key, seconds);
}

/**
 * Times `call` as an outbound call to `dependency`; a rejection counts as `error` (or `timeout`
 * when `isTimeout` says so) and is rethrown.
 *
 * @example
 * const rows = await timeDependency("postgres", "query", () => pool.query(sql));
 */
export async function timeDependency<T>(
  dependency: string,
  operation: string,
  call: () => Promise<T>,
  isTimeout: (error: unknown) => boolean = () => false,
): Promise<T> {
  const started = performance.now();
  try {
    const result = await call();
    observeDependency(dependency, operation, "ok", (performance.now() - started) / 1000);
    return result;
  } catch (error) {
    const outcome = isTimeout(error) ? "timeout" : "error";
    observeDependency(dependency, operation, outcome, (performance.now() - started) / 1000);
    throw error;
  }
}

export interface MetricsAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The path every part serves its metrics on (never routed to the public). */
export const METRICS_PATH = "/metrics";

/**
 * What `GET /metrics` answers: the exposition text; 401 when `METRICS_TOKEN` is set and the
 * caller did not send it as `Authorization: Bearer <token>`; 404 in production without a token
 * (metrics are off rather than open to anyone).
 */
export async function metricsAnswer(
  authorization: string | null | undefined,
): Promise<MetricsAnswer> {
  const plain = "text/plain; charset=utf-8";
  if (!access.token) {
    if (access.production)
      return { status: 404, contentType: plain, body: "metrics are off: set METRICS_TOKEN\n" };
  } else if (!sameSecret(authorization ?? "", `Bearer ${access.token}`)) {
    return {
      status: 401,
      contentType: plain,
      body: "send Authorization: Bearer <METRICS_TOKEN>\n",
    };
  }
  return { status: 200, contentType: registry.contentType, body: await registry.metrics() };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
