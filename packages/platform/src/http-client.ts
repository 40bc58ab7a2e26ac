/**
 * Service-to-service HTTP: keep-alive pools, per-call timeouts, bounded retries of idempotent
 * calls, request-id propagation, and upstream problem details turned back into AppErrors.
 */
import { Agent, request, errors as undiciErrors, type Dispatcher } from "undici";
import type { ZodType } from "zod";
import { currentRequestId, REQUEST_ID_HEADER } from "./context.js";
import { AppError } from "./errors/app-error.js";
import { fromProblem } from "./errors/problem.js";
import { observeDependency } from "./metrics.js";

export interface ServiceClientOptions {
  /** Upstream name used in errors and logs (`product`). */
  name: string;
  /** Base URL, e.g. `http://127.0.0.1:3002`. */
  baseUrl: string;
  /** Per-call timeout in ms (default 3000). */
  timeoutMs?: number;
  /** Retries for idempotent calls on connection errors and 502/503/504 (default 2). */
  retries?: number;
  /** Headers sent on every call (e.g. an internal key). */
  headers?: Record<string, string>;
  /** Keep-alive connections per origin (default 32). */
  connections?: number;
}

export interface CallOptions<T> {
  method?: Dispatcher.HttpMethod;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string | undefined>;
  /** JSON body (serialised here) or a raw body with its own content-type header. */
  body?: unknown;
  rawBody?: Buffer | string;
  timeoutMs?: number;
  /** Validates the 2xx JSON body; a mismatch is `UPSTREAM_BAD_RESPONSE`. */
  schema?: ZodType<T>;
  /** Return non-2xx answers instead of throwing (default false). */
  allowErrors?: boolean;
}

export interface ServiceResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export interface ServiceClient {
  readonly name: string;
  readonly baseUrl: string;
  call<T = unknown>(path: string, options?: CallOptions<T>): Promise<ServiceResponse<T>>;
  get<T = unknown>(path: string, options?: Omit<CallOptions<T>, "method">): Promise<T>;
  post<T = unknown>(
    path: string,
    body?: unknown,
    options?: Omit<CallOptions<T>, "method" | "body">,
  ): Promise<T>;
  close(): Promise<void>;
}

/**
 * Creates a client for one upstream service.
 *
 * @example
 * const product = createServiceClient({ name: "product", baseUrl: config.PRODUCT_URL, timeoutMs: 1500 });
 * const categories = await product.get("/api/v1/categories", { schema: CategoryList });
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const { name, timeoutMs = 3000, retries = 2, connections = 32 } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const dispatcher = new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 });

  async function call<T>(path: string, opts: CallOptions<T> = {}): Promise<ServiceResponse<T>> {
    const method = opts.method ?? "GET";
    const target = buildUrl(baseUrl, path, opts.query);
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    for (const [key, value] of Object.entries(opts.headers ?? {})) {
      if (value !== undefined) headers[key.toLowerCase()] = value;
    }
    const requestId = currentRequestId();
    if (requestId && !headers[REQUEST_ID_HEADER]) headers[REQUEST_ID_HEADER] = requestId;
    let body: string | Buffer | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["content-type"] ??= "application/json";
    }
    const canRetry = IDEMPOTENT.has(method) || Boolean(headers["idempotency-key"]);
    const attempts = canRetry ? retries + 1 : 1;
    const timeout = opts.timeoutMs ?? timeoutMs;

    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const took = () => (performance.now() - started) / 1000;
      try {
        const res = await request(target, {
          method,
          headers,
          body,
          dispatcher,
          headersTimeout: timeout,
          bodyTimeout: timeout,
          signal: AbortSignal.timeout(timeout),
        });
        const text = await res.body.text();
        observeDependency(name, method, res.statusCode >= 500 ? "error" : "ok", took());
        if (RETRYABLE_STATUS.has(res.statusCode) && attempt < attempts) {
          await backoff(attempt);
          continue;
        }
        return finish<T>(name, res.statusCode, res.headers, text, opts);
      } catch (error) {
        if (error instanceof AppError) throw error;
        const timedOut = isTimeout(error);
        observeDependency(name, method, timedOut ? "timeout" : "error", took());
        if (!timedOut && attempt < attempts) {
          await backoff(attempt);
          continue;
        }
        throw new AppError(
          timedOut ? "UPSTREAM_TIMEOUT" : "UPSTREAM_UNAVAILABLE",
          timedOut
            ? `The ${name} service did not answer within ${timeout} ms`
            : `The ${name} service is unavailable`,
          { cause: error, extra: { upstream: name } },
        );
      }
    }
  }

  return {
    name,
    baseUrl,
    call,
    async get<T>(path: string, opts: Omit<CallOptions<T>, "method"> = {}) {
      return (await call<T>(path, { ...opts, method: "GET" })).body;
    },
    async post<T>(
      path: string,
      body?: unknown,
      opts: Omit<CallOptions<T>, "method" | "body"> = {},
    ) {
      return (await call<T>(path, { ...opts, method: "POST", body })).body;
    },
    close: () => dispatcher.close(),
  };
}

function finish<T>(
  name: string,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  text: string,
  opts: CallOptions<T>,
): ServiceResponse<T> {
  let parsed: unknown = undefined;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (status >= 400 && !opts.allowErrors) {
    const error = fromProblem(parsed, status);
    // An upstream's 5xx is our dependency failing, not our caller's fault.
    if (
      status >= 500 &&
      ![
        "UPSTREAM_UNAVAILABLE",
        "UPSTREAM_TIMEOUT",
        "CIRCUIT_OPEN",
        "DEPENDENCY_UNAVAILABLE",
        "PAYMENT_FAILED",
      ].includes(error.code)
    ) {
      throw new AppError("UPSTREAM_BAD_RESPONSE", `The ${name} service failed (${status})`, {
        extra: { upstream: name },
      });
    }
    throw error;
  }
  if (opts.schema && status < 300) {
    const result = opts.schema.safeParse(parsed);
    if (!result.success) {
      throw new AppError(
        "UPSTREAM_BAD_RESPONSE",
        `The ${name} service answered in an unexpected shape`,
        {
          cause: result.error,
          extra: { upstream: name },
        },
      );
    }
    parsed = result.data;
  }
  return { status, headers, body: parsed as T };
}

function buildUrl(base: string, path: string, query?: CallOptions<unknown>["query"]): string {
  const url = new URL(path.startsWith("/") ? base + path : `${base}/${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "")
      url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
  );
}

function backoff(attempt: number): Promise<void> {
  const ms = 50 * 2 ** (attempt - 1) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
