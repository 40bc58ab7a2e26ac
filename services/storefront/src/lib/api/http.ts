/**
 * The transport-neutral core of every gateway/auth call: a Transport sends the request (server:
 * gateway URL plus the session's Bearer; browser: same-origin `/api` through the edge proxy),
 * `request` turns non-2xx problem details into an ApiError and maps the JSON body.
 */

export interface FieldError {
  field: string;
  message: string;
}

/** A failed call, carrying the platform's problem details (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly fieldErrors: FieldError[] = [],
    readonly requestId?: string,
    cause?: unknown,
  ) {
    super(detail, cause === undefined ? undefined : { cause });
    this.name = "ApiError";
  }

  /** Field errors keyed by field name (first message wins). */
  byField(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.fieldErrors) out[field] ??= message;
    return out;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Record<string, QueryValue>;
  /** JSON body. */
  json?: unknown;
  /** Multipart body (file uploads). */
  form?: FormData;
  headers?: Record<string, string>;
}

/** Sends one request to a path such as `/api/cart`; implementations add origin and credentials. */
export type Transport = (path: string, init: RequestInit) => Promise<Response>;

/** `path?query` with empty values left out. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Performs a call and maps the 2xx JSON body with `map`; throws ApiError otherwise. */
export async function request<T>(
  transport: Transport,
  path: string,
  options: RequestOptions,
  map: (wire: unknown) => T,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  let response: Response;
  try {
    response = await transport(withQuery(path, options.query), {
      method: options.method ?? "GET",
      headers,
      body,
    });
  } catch (error) {
    throw new ApiError(
      503,
      "UPSTREAM_UNAVAILABLE",
      "서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.",
      [],
      undefined,
      error,
    );
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return map(undefined);
  const text = await response.text();
  return map(text ? (JSON.parse(text) as unknown) : undefined);
}

/** Reads a non-2xx answer as an ApiError (problem details when the body is one). */
export async function problemOf(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const parsed = (await response.json()) as unknown;
    if (parsed && typeof parsed === "object") body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: keep the status only
  }
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isFieldError).map(({ field, message }) => ({ field, message }))
    : [];
  const detail =
    typeof body.detail === "string"
      ? body.detail
      : typeof body.title === "string"
        ? body.title
        : response.statusText;
  return new ApiError(
    response.status,
    typeof body.code === "string" ? body.code : `HTTP_${response.status}`,
    detail || `HTTP ${response.status}`,
    errors,
    typeof body.requestId === "string" ? body.requestId : undefined,
  );
}

function isFieldError(value: unknown): value is FieldError {
  const v = value as Partial<FieldError> | null;
  return Boolean(v) && typeof v?.field === "string" && typeof v?.message === "string";
}
