// Where each stack's parts send their traces.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parts } from "../parts.js";
import { e2eSlot, stackProfiles } from "./stacks.js";
import { otlpReceiverPort, tracesEndpoint, tracingEnv } from "./tracing.js";

const order = parts.find((p) => p.name === "order")!;

test("the e2e stacks export to a receiver port of their own, named per part", () => {
  assert.deepEqual(tracingEnv(order, stackProfiles.e2e, {}), {
    OTEL_SERVICE_NAME: "order",
    OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:14318",
    OTEL_BSP_SCHEDULE_DELAY: "500",
  });
  assert.equal(tracesEndpoint(e2eSlot(4), {}), "http://127.0.0.1:14718");
});

test("the dev stack traces only when the user configured OpenTelemetry, and passes it through", () => {
  assert.deepEqual(tracingEnv(order, stackProfiles.dev, { HOME: "/root" }), {});
  const env = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://jaeger:4318", OTEL_SERVICE_NAME: "shop" };
  assert.deepEqual(tracingEnv(order, stackProfiles.dev, env), {
    OTEL_EXPORTER_OTLP_ENDPOINT: "http://jaeger:4318",
    OTEL_SERVICE_NAME: "order",
  });
  assert.equal(tracesEndpoint(stackProfiles.bench, {}), undefined);
});

test("no slot's receiver port is any slot's part port", () => {
  const profiles = [...Array(10).keys()].map(e2eSlot);
  const partPorts = new Set(profiles.flatMap((p) => parts.map((part) => part.port + p.portOffset)));
  for (const profile of profiles) assert.ok(!partPorts.has(otlpReceiverPort(profile)));
  assert.equal(new Set(profiles.map(otlpReceiverPort)).size, 10);
});
