/** Request bodies under the route's size limit: checked from Content-Length and while streaming. */
import { AppError } from "@shop/platform";
import type { IncomingMessage } from "node:http";
import { Transform, type Readable } from "node:stream";

export function tooLarge(limit: number): AppError {
  return new AppError(
    "BODY_TOO_LARGE",
    `The request body exceeds this route's limit of ${formatBytes(limit)}`,
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

/** The declared length, or undefined for a chunked body. Throws BODY_TOO_LARGE when over `limit`. */
export function declaredLength(req: IncomingMessage, limit: number): number | undefined {
  const header = req.headers["content-length"];
  if (header === undefined) return undefined;
  const length = Number(header);
  if (length > limit) throw tooLarge(limit);
  return length;
}

export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined;
}

/** Reads the whole body into one Buffer, refusing it as soon as it passes `limit`. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  declaredLength(req, limit);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

/** For streamed bodies without Content-Length: passes bytes on and fails once past `limit`. */
export function limitStream(req: IncomingMessage, limit: number): Readable {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) {
        req.unpipe(counter);
        req.pause();
        callback(tooLarge(limit));
        return;
      }
      callback(null, chunk);
    },
  });
  req.pipe(counter);
  return counter;
}
