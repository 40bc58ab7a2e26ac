/** Writing answers: problem details for everything the gateway itself refuses, buffers as-is. */
import { toProblem, type Logger } from "@shop/platform";
import type { ServerResponse } from "node:http";

/** Renders `error` as RFC 9457 problem details (never a stack trace or a driver message). */
export function sendProblem(
  res: ServerResponse,
  error: unknown,
  requestId: string,
  instance: string,
  extraHeaders: string[],
  logger: Logger,
): number {
  const rendered = toProblem(error, requestId, instance);
  if (rendered.body.code === "INTERNAL_ERROR") {
    logger.error({ err: error, requestId, path: instance }, "unexpected gateway error");
  } else if (rendered.status >= 500) {
    // Upstream down, timed out, circuit open: say why, with the underlying transport error.
    const cause = error instanceof Error ? error.cause : undefined;
    logger.warn(
      { err: cause, code: rendered.body.code, requestId, path: instance },
      rendered.body.detail,
    );
  }
  if (res.headersSent) {
    res.destroy();
    return rendered.status;
  }
  const body = JSON.stringify(rendered.body);
  const headers: string[] = [];
  for (const [name, value] of Object.entries(rendered.headers)) headers.push(name, value);
  headers.push("content-length", String(Buffer.byteLength(body)), "cache-control", "no-store");
  // Refused before the body was read: closing is the only way to not read what follows.
  if (rendered.body.code === "BODY_TOO_LARGE") headers.push("connection", "close");
  for (const h of extraHeaders) headers.push(h);
  res.writeHead(rendered.status, headers);
  res.end(body);
  return rendered.status;
}

export function sendBuffer(
  res: ServerResponse,
  status: number,
  headers: string[],
  body: Buffer,
  head: boolean,
): void {
  res.writeHead(status, headers);
  res.end(head ? undefined : body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extraHeaders: string[],
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, [
    "content-type",
    "application/json; charset=utf-8",
    "content-length",
    String(Buffer.byteLength(body)),
    "cache-control",
    "no-store",
    ...extraHeaders,
  ]);
  res.end(body);
}
