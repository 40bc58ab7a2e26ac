/**
 * Calls to upstreams through undici's dispatcher API: `streamResponse` pipes the answer straight to
 * the caller (no buffering); `fetchBuffered` collects it (cache and idempotency need the bytes).
 * Both honour the route timeout, feed the circuit breaker and map transport errors to AppErrors.
 */
import { AppError, observeDependency, type DependencyOutcome } from "@shop/platform";
import type { ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { errors as undiciErrors, type Dispatcher } from "undici";
import { isFailureStatus } from "./circuit-breaker.js";
import { downstreamHeaders } from "./headers.js";
import type { Upstream } from "./upstreams.js";

export interface UpstreamCall {
  upstream: Upstream;
  method: string;
  /** Path and query, already rewritten for the upstream. */
  path: string;
  headers: string[];
  body: Buffer | Readable | null;
  timeoutMs?: number;
}

export interface BufferedResponse {
  status: number;
  headers: string[];
  body: Buffer;
}

/** Records the call as an outbound dependency call of the gateway, by upstream and method. */
function record(call: UpstreamCall, started: number, outcome: DependencyOutcome): void {
  const seconds = (performance.now() - started) / 1000;
  observeDependency(call.upstream.name, call.method, outcome, seconds);
}

const outcomeOf = (status: number, error?: AppError): DependencyOutcome =>
  error
    ? error.code === "UPSTREAM_TIMEOUT"
      ? "timeout"
      : "error"
    : status >= 500
      ? "error"
      : "ok";

function dispatchOptions(call: UpstreamCall): Dispatcher.DispatchOptions {
  const timeout = call.timeoutMs ?? call.upstream.timeoutMs;
  return {
    origin: call.upstream.origin,
    path: call.upstream.basePath + call.path,
    method: call.method as Dispatcher.HttpMethod,
    headers: call.headers,
    body: call.body,
    headersTimeout: timeout,
    bodyTimeout: timeout,
  };
}

/**
 * Streams the upstream answer to `res`, adding `extraHeaders`. Resolves with the status once the
 * answer is complete; rejects with an AppError only while nothing has been sent yet (after that a
 * failure destroys the connection, the only honest signal left).
 */
export function streamResponse(
  call: UpstreamCall,
  res: ServerResponse,
  extraHeaders: string[],
): Promise<number> {
  const { breaker } = call.upstream;
  breaker.admit();
  const started = performance.now();
  return new Promise<number>((resolve, reject) => {
    let abort: ((err?: Error) => void) | undefined;
    let status = 0;
    let settled = false;
    const finish = (outcome: "success" | "failure" | "neutral") => {
      if (settled) return false;
      settled = true;
      breaker.settle(outcome);
      return true;
    };
    const onClose = () => {
      if (!res.writableFinished) abort?.(new Error("client closed the connection"));
    };
    res.once("close", onClose);
    const handler: Dispatcher.DispatchHandler = {
      onConnect(a) {
        abort = a;
        if (res.destroyed) a(new Error("client closed the connection"));
      },
      onHeaders(statusCode, rawHeaders, resume) {
        if (statusCode < 200) return true;
        status = statusCode;
        if (isFailureStatus(statusCode)) finish("failure");
        const headers = downstreamHeaders(rawHeaders);
        for (const h of extraHeaders) headers.push(h);
        res.writeHead(statusCode, headers);
        res.on("drain", resume);
        return true;
      },
      onData(chunk) {
        return res.write(chunk);
      },
      onComplete() {
        res.off("close", onClose);
        finish("success");
        record(call, started, outcomeOf(status));
        res.end();
        resolve(status);
      },
      onError(error) {
        res.off("close", onClose);
        if (res.headersSent) {
          finish("neutral");
          record(call, started, "error");
          res.destroy(error);
          resolve(status);
          return;
        }
        const mapped = mapTransportError(error, call);
        finish(mapped.code === "BODY_TOO_LARGE" || res.destroyed ? "neutral" : "failure");
        record(call, started, outcomeOf(status, mapped));
        reject(mapped);
      },
    };
    call.upstream.pool.dispatch(dispatchOptions(call), handler);
  });
}

/** Calls the upstream and collects the whole answer. `maxBytes` bounds what is kept in memory. */
export function fetchBuffered(
  call: UpstreamCall,
  maxBytes = 32 * 1024 * 1024,
): Promise<BufferedResponse> {
  const { breaker } = call.upstream;
  breaker.admit();
  const started = performance.now();
  return new Promise<BufferedResponse>((resolve, reject) => {
    let status = 0;
    let headers: string[] = [];
    const chunks: Buffer[] = [];
    let size = 0;
    let abort: ((err?: Error) => void) | undefined;
    const handler: Dispatcher.DispatchHandler = {
      onConnect(a) {
        abort = a;
      },
      onHeaders(statusCode, rawHeaders) {
        if (statusCode < 200) return true;
        status = statusCode;
        headers = downstreamHeaders(rawHeaders);
        return true;
      },
      onData(chunk) {
        size += chunk.length;
        if (size > maxBytes) {
          abort?.(
            new AppError(
              "UPSTREAM_BAD_RESPONSE",
              `The ${call.upstream.name} service answered with too large a body`,
            ),
          );
          return false;
        }
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        breaker.settle(isFailureStatus(status) ? "failure" : "success");
        record(call, started, outcomeOf(status));
        resolve({
          status,
          headers,
          body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size),
        });
      },
      onError(error) {
        const mapped = mapTransportError(error, call);
        breaker.settle(mapped.code === "BODY_TOO_LARGE" ? "neutral" : "failure");
        record(call, started, outcomeOf(status, mapped));
        reject(mapped);
      },
    };
    call.upstream.pool.dispatch(dispatchOptions(call), handler);
  });
}

function mapTransportError(error: Error, call: UpstreamCall): AppError {
  if (error instanceof AppError) return error;
  const name = call.upstream.name;
  if (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new AppError("UPSTREAM_TIMEOUT", `The ${name} service did not answer in time`, {
      cause: error,
      extra: { upstream: name },
    });
  }
  return new AppError("UPSTREAM_UNAVAILABLE", `The ${name} service is unavailable`, {
    cause: error,
    headers: { "retry-after": "1" },
    extra: { upstream: name },
  });
}
