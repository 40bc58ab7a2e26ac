// The Fetch-API tracing helpers of the Bun edge, exercised on Node's own fetch/Request/Response.
import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { startOtlpReceiver, waitFor, type OtlpReceiver } from "@shop/test-kit";
import { runWithContext } from "../context.js";
import { withRequestContext } from "../adapters/bun.js";
import { bunTracingOn, startBunTracing, traceServerRequest, tracedFetch } from "./bun.js";
import { shutdownTracing } from "./flush.js";

const INCOMING = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
let receiver: OtlpReceiver;
let upstreamUrl: string;
const seen: IncomingHttpHeaders[] = [];
const upstream = createServer((request, response) => {
  seen.push(request.headers);
  response.end("ok");
});

before(async () => {
  receiver = await startOtlpReceiver();
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
after(async () => {
  upstream.close();
  await receiver.close();
});

const edgeRequest = (path: string) =>
  new Request(`http://edge.test${path}`, {
    headers: { traceparent: INCOMING, "x-request-id": "edge-req-1" },
  });

test("before tracing starts the helpers pass through: same response, the caller's headers only", async () => {
  assert.equal(await startBunTracing({}), false);
  assert.equal(bunTracingOn(), false);
  const answer = new Response("hit");
  assert.equal(
    traceServerRequest(edgeRequest("/"), () => answer),
    answer,
  );
  await (await tracedFetch("storefront", `${upstreamUrl}/page`, { headers: { a: "1" } })).text();
  assert.equal(seen.at(-1)?.traceparent, undefined);
});

test("with an endpoint: one server span continuing traceparent, client spans injecting theirs", async () => {
  assert.equal(
    await startBunTracing({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: "edge-proxy",
    }),
    true,
  );
  const response = await traceServerRequest(edgeRequest("/api/cart"), () =>
    withRequestContext("edge-req-1", async () => {
      // A browser's traceparent copied into the upstream headers is replaced by the span's.
      const headers = new Headers({ traceparent: INCOMING });
      const reply = await tracedFetch("gateway", `${upstreamUrl}/api/cart?x=1`, { headers });
      return new Response(await reply.text(), { headers: { "x-cache": "BYPASS" } });
    }),
  );
  assert.equal(await response.text(), "ok");
  const sync = traceServerRequest(edgeRequest("/"), () => new Response("memory hit"));
  assert.ok(sync instanceof Response, "a synchronous answer stays synchronous");
  traceServerRequest(edgeRequest("/health/ready"), () => new Response("probe"));
  await shutdownTracing();

  const spans = await waitFor(async () => receiver.spans.length >= 3 && receiver.spans);
  const [server, hit] = spans.filter((s) => s.kind === 2);
  const client = spans.find((s) => s.kind === 3);
  assert.equal(spans.length, 3, "the probe made no span");
  assert.equal(server?.traceId, "4bf92f3577b34da6a3ce929d0e0e4736");
  assert.equal(server?.parentSpanId, "00f067aa0ba902b7");
  assert.equal(server?.attributes["shop.request_id"], "edge-req-1");
  assert.equal(server?.attributes["shop.edge.cache"], "BYPASS");
  assert.equal(hit?.attributes["url.path"], "/");
  assert.equal(client?.parentSpanId, server?.spanId);
  assert.equal(client?.attributes["peer.service"], "gateway");
  assert.equal(client?.attributes["url.full"], `${upstreamUrl}/api/cart`, "no query string");
  assert.equal(
    seen.at(-1)?.traceparent,
    `00-${server?.traceId}-${client?.spanId}-01`,
    "the upstream continues the client span",
  );
  assert.ok(spans.every((s) => s.service === "edge-proxy"));
});

test("a failing upstream fetch rethrows its error", async () => {
  await assert.rejects(
    runWithContext({ requestId: "r" }, () => tracedFetch("gateway", "http://127.0.0.1:1/")),
  );
});
