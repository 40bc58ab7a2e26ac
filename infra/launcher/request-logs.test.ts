import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { linesOf } from "./request-logs.js";

const line = (fields: Record<string, unknown>) => JSON.stringify(fields);

test("a request's lines come from every part, in time order, by request id or trace id", () => {
  const dir = mkdtempSync(join(tmpdir(), "request-logs-"));
  writeFileSync(
    join(dir, "gateway.log"),
    [
      line({ time: "2026-12-07T10:00:00.020Z", requestId: "r1", trace_id: "t1", msg: "gw" }),
      line({ time: "2026-12-07T10:00:00.030Z", requestId: "r2", msg: "other request" }),
      "not json r1",
    ].join("\n"),
  );
  writeFileSync(
    join(dir, "order.log"),
    [
      line({ time: "2026-12-07T10:00:00.010Z", requestId: "r1", trace_id: "t1", msg: "order" }),
      line({ time: "2026-12-07T10:00:00.040Z", msg: "mentions r1 in passing" }),
    ].join("\n"),
  );
  writeFileSync(join(dir, "notes.txt"), line({ requestId: "r1" }));

  const byRequest = linesOf(dir, "r1");
  assert.deepEqual(
    byRequest.map((l) => [l.part, JSON.parse(l.line).msg]),
    [
      ["order", "order"],
      ["gateway", "gw"],
    ],
  );
  assert.deepEqual(
    linesOf(dir, "t1").map((l) => l.part),
    ["order", "gateway"],
  );
  assert.deepEqual(linesOf(dir, "nothing"), []);
  assert.deepEqual(linesOf(join(dir, "missing"), "r1"), []);
});
