import { AppError, toProblem } from "@shop/platform";
import type { Duplex } from "node:stream";

/** Unparseable requests still get problem details (431 for oversized headers), then the connection closes. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const detail = tooLarge ? "The request headers are too large" : "The request is not valid HTTP";
  const problem = toProblem(new AppError("VALIDATION_FAILED", detail));
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    ...problem.body,
    status,
    ...(tooLarge ? { title: "Request header fields too large" } : {}),
  });
  const reason = tooLarge ? "Request Header Fields Too Large" : "Bad Request";
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/problem+json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
