import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { after, before, test } from "node:test";
import { z } from "zod";
import { runWithContext } from "./context.js";
import { AppError } from "./errors/app-error.js";
import { createServiceClient } from "./http-client.js";

let server: Server;
let base: string;
const hits = new Map<string, number>();
let seenRequestId: string | undefined;

before(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const count = hits.get(path)!;
    if (path === "/flaky" && count < 3) return res.writeHead(503).end();
    if (path === "/always-503") return res.writeHead(503).end();
    if (path === "/slow") return void setTimeout(() => res.end("{}"), 500);
    if (path === "/missing") {
      res.writeHead(404, { "content-type": "application/problem+json" });
      return res.end(
        JSON.stringify({ code: "PRODUCT_NOT_FOUND", detail: "No product 9", status: 404 }),
      );
    }
    if (path === "/echo-id") seenRequestId = req.headers["x-request-id"] as string;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, method: req.method }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(() => server.close());

test("idempotent calls are retried on 503 and succeed within the bound", async () => {
  const client = createServiceClient({ name: "flaky", baseUrl: base, retries: 2 });
  assert.deepEqual(await client.get("/flaky"), { ok: true, method: "GET" });
  assert.equal(hits.get("/flaky"), 3);
  await client.close();
});

test("retries stop at the bound and the failure is an upstream error, not a 500", async () => {
  const client = createServiceClient({ name: "down", baseUrl: base, retries: 1 });
  await assert.rejects(
    client.get("/always-503"),
    (e: unknown) => e instanceof AppError && e.code === "UPSTREAM_BAD_RESPONSE",
  );
  assert.equal(hits.get("/always-503"), 2);
  await client.close();
});

test("POST without an idempotency key is not retried", async () => {
  hits.delete("/always-503");
  const client = createServiceClient({ name: "down", baseUrl: base, retries: 2 });
  await assert.rejects(client.post("/always-503", { a: 1 }));
  assert.equal(hits.get("/always-503"), 1);
  await client.close();
});

test("a slow upstream hits the per-call timeout as UPSTREAM_TIMEOUT", async () => {
  const client = createServiceClient({ name: "slow", baseUrl: base, timeoutMs: 100 });
  await assert.rejects(
    client.get("/slow"),
    (e: unknown) => e instanceof AppError && e.code === "UPSTREAM_TIMEOUT",
  );
  await client.close();
});

test("a refused connection is UPSTREAM_UNAVAILABLE", async () => {
  const client = createServiceClient({ name: "gone", baseUrl: "http://127.0.0.1:1", retries: 1 });
  await assert.rejects(
    client.get("/x"),
    (e: unknown) => e instanceof AppError && e.code === "UPSTREAM_UNAVAILABLE" && e.status === 503,
  );
  await client.close();
});

test("an upstream problem keeps its code so callers can answer with it", async () => {
  const client = createServiceClient({ name: "product", baseUrl: base });
  await assert.rejects(
    client.get("/missing"),
    (e: unknown) =>
      e instanceof AppError && e.code === "PRODUCT_NOT_FOUND" && e.message === "No product 9",
  );
  await client.close();
});

test("the current request id is propagated", async () => {
  const client = createServiceClient({ name: "echo", baseUrl: base });
  await runWithContext({ requestId: "trace-123" }, () => client.get("/echo-id"));
  assert.equal(seenRequestId, "trace-123");
  await client.close();
});

test("a response that does not match the schema is UPSTREAM_BAD_RESPONSE", async () => {
  const client = createServiceClient({ name: "echo", baseUrl: base });
  await assert.rejects(
    client.get("/shape", { schema: z.object({ items: z.array(z.string()) }) }),
    (e: unknown) => e instanceof AppError && e.code === "UPSTREAM_BAD_RESPONSE",
  );
  await client.close();
});
