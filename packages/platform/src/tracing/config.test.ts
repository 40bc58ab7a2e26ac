import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { tracingSettingsFrom } from "./config.js";

const partFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), "tracing-settings-"));
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "@shop/order" }));
  return folder;
};

test("no endpoint, no tracing", () => {
  assert.equal(tracingSettingsFrom({}, partFolder()), undefined);
  assert.equal(tracingSettingsFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: " " }, partFolder()), undefined);
});

test("the base endpoint gets /v1/traces; the service is the part's package name", () => {
  assert.deepEqual(
    tracingSettingsFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" }, partFolder()),
    { serviceName: "order", tracesUrl: "http://collector:4318/v1/traces" },
  );
});

test("the traces endpoint is used as given and OTEL_SERVICE_NAME wins", () => {
  const env = {
    OTEL_EXPORTER_OTLP_ENDPOINT: "http://ignored:4318",
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://tempo:4318/otlp/v1/traces",
    OTEL_SERVICE_NAME: "gateway",
  };
  assert.deepEqual(tracingSettingsFrom(env, partFolder()), {
    serviceName: "gateway",
    tracesUrl: "http://tempo:4318/otlp/v1/traces",
  });
});

test("OTEL_SDK_DISABLED and OTEL_TRACES_EXPORTER=none turn it off", () => {
  const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" };
  assert.equal(tracingSettingsFrom({ ...endpoint, OTEL_SDK_DISABLED: "true" }), undefined);
  assert.equal(tracingSettingsFrom({ ...endpoint, OTEL_TRACES_EXPORTER: "none" }), undefined);
});

test("without a package.json the folder names the service", () => {
  const folder = mkdtempSync(join(tmpdir(), "cart-"));
  const settings = tracingSettingsFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" }, folder);
  assert.equal(settings?.serviceName, folder.split("/").pop());
});
