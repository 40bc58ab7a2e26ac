/** Turns any thrown value into RFC 9457 problem details with the platform's members. */
import { ZodError } from "zod";
import { AppError, type FieldError } from "./app-error.js";
import { catalogue, isErrorCode, problemType, type ErrorCode } from "./catalogue.js";
import { failedStore } from "./dependency.js";

/** Seconds a caller is asked to wait when a data store is down. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/** The JSON body of every non-2xx answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId?: string;
  instance?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

export interface RenderedProblem {
  status: number;
  headers: Record<string, string>;
  body: Problem;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Field errors from a ZodError, with dotted paths (`items.0.quantity`). */
export function zodFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const field = [prefix, path].filter(Boolean).join(".") || "(root)";
    return { field, message: issue.message };
  });
}

/** Builds the AppError for a failed zod parse of `part` (body, query, params, headers). */
export function validationError(error: ZodError, part?: string): AppError {
  const errors = zodFieldErrors(error, part === "body" ? undefined : part);
  const first = errors[0];
  const detail =
    errors.length === 1 && first
      ? `${first.field}: ${first.message}`
      : `${errors.length} fields are not valid`;
  return new AppError("VALIDATION_FAILED", detail, { errors });
}

/**
 * Renders an error as problem details. Unknown errors become a generic 500 whose detail
 * never includes the original message (no driver messages or stack traces leak out).
 */
export function toProblem(error: unknown, requestId?: string, instance?: string): RenderedProblem {
  const appError = asAppError(error);
  const body: Problem = {
    type: problemType(appError.code),
    title: catalogue[appError.code].title,
    status: appError.status,
    detail: appError.message,
    code: appError.code,
    ...appError.extra,
  };
  if (requestId) body.requestId = requestId;
  if (instance) body.instance = instance;
  if (appError.errors?.length) body.errors = appError.errors;
  // Every "unavailable" or "timed out" answer says when to try again, whoever raised it.
  const retry: Record<string, string> =
    (appError.status === 503 || appError.status === 504) && !hasRetryAfter(appError.headers)
      ? { "retry-after": String(DEPENDENCY_RETRY_AFTER_SECONDS) }
      : {};
  return {
    status: appError.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, ...retry, ...appError.headers },
    body,
  };
}

const hasRetryAfter = (headers: Record<string, string>) =>
  Object.keys(headers).some((name) => name.toLowerCase() === "retry-after");

/** Normalises any thrown value into an AppError. */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  const store = failedStore(error);
  if (store) {
    const what = {
      redis: "The cache and session store",
      postgres: "The database",
      network: "A service this request needs",
    }[store];
    return new AppError("DEPENDENCY_UNAVAILABLE", `${what} is unavailable; try again shortly`, {
      cause: error,
      headers: { "retry-after": String(DEPENDENCY_RETRY_AFTER_SECONDS) },
    });
  }
  if (isHttpErrorLike(error)) {
    const status = error.statusCode ?? error.status ?? 500;
    if (status === 413)
      return new AppError("BODY_TOO_LARGE", "The request body is too large", { cause: error });
    if (status === 415) return new AppError("UNSUPPORTED_MEDIA_TYPE", undefined, { cause: error });
    if (status === 400 && /json/i.test(String(error.message))) {
      return new AppError("MALFORMED_JSON", "The request body is not valid JSON", { cause: error });
    }
    if (status === 404) return new AppError("ROUTE_NOT_FOUND", undefined, { cause: error });
    if (status === 405) return new AppError("METHOD_NOT_ALLOWED", undefined, { cause: error });
    if (status >= 400 && status < 500) {
      return new AppError("VALIDATION_FAILED", safeClientMessage(error.message), { cause: error });
    }
  }
  return new AppError("INTERNAL_ERROR", "Something went wrong on our side. Please try again.", {
    cause: error,
  });
}

/** Rebuilds an AppError from a problem body received from another service. */
export function fromProblem(body: unknown, fallbackStatus: number): AppError {
  const problem = (body ?? {}) as Partial<Problem>;
  const code: ErrorCode = isErrorCode(problem.code)
    ? problem.code
    : fallbackStatus >= 500
      ? "UPSTREAM_BAD_RESPONSE"
      : "VALIDATION_FAILED";
  return new AppError(code, typeof problem.detail === "string" ? problem.detail : undefined, {
    ...(Array.isArray(problem.errors) ? { errors: problem.errors } : {}),
  });
}

interface HttpErrorLike {
  message: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

function isHttpErrorLike(error: unknown): error is HttpErrorLike {
  if (!(error instanceof Error)) return false;
  const e = error as Partial<HttpErrorLike>;
  return typeof e.status === "number" || typeof e.statusCode === "number";
}

function safeClientMessage(message: string): string {
  // Framework 4xx messages are meant for callers, but keep them short and single-line.
  return message.split("\n")[0]?.slice(0, 300) ?? "The request is not valid";
}
