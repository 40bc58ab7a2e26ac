import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startOtlpReceiver, waitFor, type OtlpReceiver } from "@shop/test-kit";

const here = import.meta.dirname;
const INCOMING_TRACE = "0af7651916cd43dd8448eb211c80319c";

/** Runs the probe part under the register with `env`; its stdout lines, parsed where JSON. */
function runProbe(env: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", join(here, "register.ts"), join(here, "testing/traced-app.ts")],
    { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`probe exited with ${code}: ${out}`));
      const lines = out.split("\n").filter((l) => l.startsWith("{"));
      resolve(lines.map((l) => JSON.parse(l) as Record<string, unknown>));
    });
  });
}

let receiver: OtlpReceiver;
before(async () => {
  receiver = await startOtlpReceiver();
});
after(() => receiver.close());

test("without an endpoint the register starts nothing: no provider, no trace ids in logs", async () => {
  const lines = await runProbe({});
  const summary = lines.find((l) => "apiRegistered" in l);
  assert.deepEqual(summary?.apiRegistered, [], "no OpenTelemetry global was registered");
  assert.equal(summary?.answered, true);
  const logged = lines.find((l) => l.msg === "inside outer");
  assert.equal(logged?.requestId, "probe-request");
  assert.equal(logged?.trace_id, undefined);
  assert.equal(receiver.spans.length, 0);
});

test("with an endpoint: spans continue the incoming traceparent, carry the request id, and logs carry the ids", async () => {
  const lines = await runProbe({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_SERVICE_NAME: "probe",
  });
  const logged = lines.find((l) => l.msg === "inside outer");
  assert.equal(logged?.trace_id, INCOMING_TRACE, "the log line names the incoming trace");
  assert.match(String(logged?.span_id), /^[0-9a-f]{16}$/);

  const spans = await waitFor(async () => {
    const trace = receiver.spans.filter((s) => s.traceId === INCOMING_TRACE);
    return trace.some((s) => s.attributes["http.route"] === "/inner" && s.kind === 2) && trace;
  });
  assert.ok(spans.every((s) => s.service === "probe"));
  const outer = spans.find((s) => s.kind === 2 && s.attributes["http.route"] === "/outer");
  assert.equal(outer?.parentSpanId, "b7ad6b7169203331", "the server span continues the caller's");
  assert.equal(outer?.attributes["shop.request_id"], "probe-request");
  const call = spans.find((s) => s.scope === "@opentelemetry/instrumentation-undici");
  assert.equal(call?.attributes["shop.request_id"], "probe-request");
  const inner = spans.find((s) => s.kind === 2 && s.attributes["http.route"] === "/inner");
  assert.equal(inner?.parentSpanId, call?.spanId, "the callee continues the undici call's span");
  assert.ok(
    spans.some((s) => s.scope === "@fastify/otel"),
    "Fastify's own spans",
  );
  assert.deepEqual(receiver.rejected, []);
});
