/** Fingerprints: canonical JSON and sorted queries make equivalent requests agree. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalJson, fingerprint } from "./fingerprint.js";

describe("idempotency fingerprint", () => {
  it("ignores key order in JSON bodies and parameter order in queries", () => {
    assert.equal(
      canonicalJson({ b: [2, { d: 1, c: 2 }], a: "x" }),
      '{"a":"x","b":[2,{"c":2,"d":1}]}',
    );
    const a = fingerprint(
      "POST",
      "/api/checkout",
      "x=1&y=2",
      "application/json",
      Buffer.from('{"a":1,"b":2}'),
    );
    const b = fingerprint(
      "POST",
      "/api/checkout",
      "y=2&x=1",
      "application/json; charset=utf-8",
      Buffer.from('{ "b": 2, "a": 1 }'),
    );
    assert.equal(a, b);
  });

  it("differs when the method, path, query or body differs", () => {
    const base = fingerprint("POST", "/a", "", "application/json", Buffer.from('{"a":1}'));
    assert.notEqual(base, fingerprint("PUT", "/a", "", "application/json", Buffer.from('{"a":1}')));
    assert.notEqual(
      base,
      fingerprint("POST", "/b", "", "application/json", Buffer.from('{"a":1}')),
    );
    assert.notEqual(
      base,
      fingerprint("POST", "/a", "v=1", "application/json", Buffer.from('{"a":1}')),
    );
    assert.notEqual(
      base,
      fingerprint("POST", "/a", "", "application/json", Buffer.from('{"a":2}')),
    );
    assert.notEqual(
      fingerprint("POST", "/a", "", "multipart/form-data", Buffer.from("one")),
      fingerprint("POST", "/a", "", "multipart/form-data", Buffer.from("two")),
    );
  });
});
