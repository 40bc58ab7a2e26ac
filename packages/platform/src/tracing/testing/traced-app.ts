/**
 * A tiny part for the register tests (run as `node --import tsx --import ../register.ts`): a
 * Fastify app calling itself through the service client, logging inside the request, then
 * printing what it saw as one JSON line and flushing its spans.
 */
import { connect } from "node:net";
import Fastify from "fastify";
import { createLogger } from "../../logging.js";
import { createServiceClient } from "../../http-client.js";
import { runWithContext } from "../../context.js";
import { shutdownTracing } from "../flush.js";

const API_GLOBAL = Symbol.for("opentelemetry.js.api.1");
const logger = createLogger("traced-app");
const app = Fastify();
app.get("/outer", async (request) =>
  runWithContext({ requestId: String(request.headers["x-request-id"]) }, async () => {
    logger.info("inside outer");
    return client.get("/inner");
  }),
);
app.get("/inner", async () => ({ inner: true }));
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : 0;
const client = createServiceClient({ name: "self", baseUrl: `http://127.0.0.1:${port}` });

// A raw request: the instrumented fetch would add a traceparent of its own beside ours.
const answer = await rawGet(port, "/outer", {
  "x-request-id": "probe-request",
  traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
});
console.log(
  JSON.stringify({
    answered: answer.includes('{"inner":true}'),
    apiRegistered: Object.keys((globalThis as Record<symbol, object>)[API_GLOBAL] ?? {}),
  }),
);
await client.close();
await app.close();
await shutdownTracing();

function rawGet(port: number, path: string, headers: Record<string, string>): Promise<string> {
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return new Promise((resolve, reject) => {
    let received = "";
    // Written, not ended: the server closes the connection after its answer (connection: close).
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(
        `GET ${path} HTTP/1.1\r\nhost: probe\r\nconnection: close\r\n${head.join("")}\r\n`,
      ),
    );
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    socket.once("end", () => resolve(received));
    socket.once("error", reject);
  });
}
