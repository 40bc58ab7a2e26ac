/** Reads an upstream body up to a size limit, or hands back an equivalent stream when it is larger. */
import type { Bytes } from "./entry.js";

export type BoundedBody = { kind: "bytes"; body: Bytes } | { kind: "overflow"; response: Response };

export async function readBounded(response: Response, maxBytes: number): Promise<BoundedBody> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (!response.body || declared > maxBytes) {
    return response.body
      ? { kind: "overflow", response }
      : { kind: "bytes", body: new Uint8Array(0) };
  }
  const reader = response.body.getReader();
  const chunks: Bytes[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Bytes);
    total += value.byteLength;
    if (total > maxBytes) return { kind: "overflow", response: resume(response, chunks, reader) };
  }
  if (chunks.length === 1 && chunks[0]) return { kind: "bytes", body: chunks[0] };
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: "bytes", body };
}

/** A response that replays what was read and streams the rest. */
function resume(
  original: Response,
  read: Uint8Array[],
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of read) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(stream, {
    status: original.status,
    statusText: original.statusText,
    headers: original.headers,
  });
}
