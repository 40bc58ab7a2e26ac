/** The fuzz suite's hostile requests: fast-check arbitraries for each public operation. */
import fc from "fast-check";

import type { Operation, Schema } from "./fuzz-operations.js";

/** Path segments as sent on the wire (already percent-encoded where they should be). */
export const ODD_SEGMENTS = [
  "..%2f",
  "..%2f..%2fetc%2fpasswd",
  "%00",
  "x".repeat(300),
  encodeURIComponent("🛒🧨"),
  "-1",
  "0",
  "1e309",
  "%27%20OR%201%3D1",
  "%27%3B%20DROP%20TABLE%20products%3B--",
  "%ZZ",
  "%",
  "null",
  "00000000-0000-0000-0000-000000000000",
  "%E2%80%AE",
];

const ODD_QUERY_VALUES = [
  "",
  "1e309",
  "99999999999999999999999999",
  "-1",
  "-9007199254740993",
  "NaN",
  "Infinity",
  "0x10",
  encodeURIComponent("é😀漢字"),
  "%ZZ",
  "%00",
  "true",
  "x".repeat(2000),
  "%27%20OR%201%3D1",
];

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1 }).map(encodeURIComponent) },
);

function queryString(op: Operation): fc.Arbitrary<string> {
  const name = fc.constantFrom(...op.queryParams, "a", "page[]", "__proto__");
  const value = fc.oneof(
    fc.constantFrom(...ODD_QUERY_VALUES),
    fc.string({ unit: "grapheme", maxLength: 20 }).map(encodeURIComponent),
  );
  const pair = fc.tuple(name, value).map(([k, v]) => `${k}=${v}`);
  // Repeated names (`a=1&a=2`) come from the array drawing the same name twice.
  return fc
    .array(
      fc.oneof(
        pair,
        name.map((k) => `${k}=1&${k}=2`),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.join("&"));
}

const notAnObject = fc.oneof(
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
);

function types(schema: Schema): string[] {
  const t = schema.type;
  if (Array.isArray(t)) return t.map(String);
  if (typeof t === "string") return [t];
  if (schema.properties) return ["object"];
  return [];
}

/** A value of a type `schema` does not allow (a number for a string, a string for an object, …). */
function wrongValue(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const allowed = new Set(types(schema ?? {}));
  if (schema?.nullable) allowed.add("null");
  const all: Array<[string, fc.Arbitrary<unknown>]> = [
    ["string", fc.constantFrom("", "1e309", "🛒", "x".repeat(5000))],
    ["number", fc.oneof(fc.constantFrom(-1, 1e308, -0, 2 ** 53 + 1), fc.double())],
    ["integer", fc.constantFrom(0.5, -1.5, 1e308)],
    ["boolean", fc.boolean()],
    ["array", fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })],
    ["object", fc.constant({ $gt: "", __proto__x: 1 })],
    ["null", fc.constant(null)],
  ];
  const wrong = all.filter(([type]) => {
    if (allowed.has(type)) return false;
    // An integer is also a number and a number value may be integral: keep them apart.
    if (type === "integer" && allowed.has("number")) return false;
    return !(type === "number" && allowed.has("integer"));
  });
  return fc.oneof(...wrong.map(([, arbitrary]) => arbitrary));
}

/** An object with every property of `schema`, each of a wrong type: never a valid body. */
export function wrongTypedObject(
  schema: Schema | undefined,
): fc.Arbitrary<Record<string, unknown>> {
  const props = (schema?.properties ?? {}) as Record<string, Schema>;
  const names = Object.keys(props).length ? Object.keys(props) : ["unexpected"];
  return fc.record(Object.fromEntries(names.map((n) => [n, wrongValue(props[n])])));
}

export type BodyCase =
  | { kind: "none" }
  | { kind: "text"; contentType: string | null; text: string }
  | { kind: "json"; value: unknown }
  | { kind: "huge"; field: string; bytes: number }
  | {
      kind: "form";
      contentType: "multipart/form-data" | "application/x-www-form-urlencoded";
      fields: Record<string, string>;
    };

const MALFORMED_JSON = [
  '{"a":',
  "{'a': 1}",
  "[1, 2",
  '{"a": 1}}',
  "nul",
  "{\u0000}",
  "\uFEFF{",
  '{"a":NaN}',
];
const HUGE = 2 * 1024 * 1024;

function bodyCase(op: Operation): fc.Arbitrary<BodyCase> {
  const props = Object.keys((op.bodySchema?.properties ?? {}) as Schema);
  const junkFields = fc.record(
    Object.fromEntries(
      (props.length ? props : ["field"]).map((p) => [
        p,
        fc.constantFrom(...ODD_QUERY_VALUES.map(decodeURIComponentSafe)),
      ]),
    ),
  );
  const forms = (["multipart/form-data", "application/x-www-form-urlencoded"] as const).map(
    (contentType) => junkFields.map((fields): BodyCase => ({ kind: "form", contentType, fields })),
  );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(...MALFORMED_JSON)
        .chain((t) =>
          fc
            .string({ maxLength: 8 })
            .map((s): BodyCase => ({ kind: "text", contentType: "application/json", text: t + s })),
        ),
    },
    {
      weight: 4,
      arbitrary: wrongTypedObject(op.bodySchema).map((value): BodyCase => ({
        kind: "json",
        value,
      })),
    },
    { weight: 2, arbitrary: notAnObject.map((value): BodyCase => ({ kind: "json", value })) },
    {
      weight: 1,
      arbitrary: fc.constant<BodyCase>({ kind: "huge", field: props[0] ?? "name", bytes: HUGE }),
    },
    { weight: 2, arbitrary: fc.oneof(...forms) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("text/plain", "application/xml", "application/json; charset=latin-7", null)
        .map((contentType): BodyCase => ({ kind: "text", contentType, text: "<a>1</a>" })),
    },
  );
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface FuzzRequest {
  method: string;
  path: string;
  body: BodyCase;
}

/** Hostile requests for `op`: odd path segments, odd query strings and, on unsafe methods, bodies. */
export function requests(op: Operation): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...op.pathParams.map(() => segment));
  const safe = op.method === "GET" || op.method === "DELETE";
  return fc
    .record({
      segments: op.pathParams.length ? segments : fc.constant([] as string[]),
      query: queryString(op),
      body: safe ? fc.constant<BodyCase>({ kind: "none" }) : bodyCase(op),
    })
    .map(({ segments: values, query, body }) => {
      let i = 0;
      const path = op.path.replace(/\{[^}]+\}/g, () => values[i++] ?? "x");
      return { method: op.method, path: query ? `${path}?${query}` : path, body };
    });
}

/** The wire form of a body case: headers and payload. */
export function encodeBody(body: BodyCase): {
  contentType?: string;
  payload?: string | Promise<Buffer>;
} {
  switch (body.kind) {
    case "none":
      return {};
    case "text":
      return body.contentType
        ? { contentType: body.contentType, payload: body.text }
        : { payload: body.text };
    case "json":
      return { contentType: "application/json", payload: JSON.stringify(body.value) };
    case "huge":
      return {
        contentType: "application/json",
        payload: JSON.stringify({ [body.field]: "x".repeat(body.bytes) }),
      };
    case "form": {
      if (body.contentType === "application/x-www-form-urlencoded")
        return {
          contentType: body.contentType,
          payload: new URLSearchParams(body.fields).toString(),
        };
      const form = new FormData();
      for (const [k, v] of Object.entries(body.fields)) form.append(k, v);
      form.append(
        "file",
        new Blob([Buffer.from("not an image at all")], { type: "image/png" }),
        "x.png",
      );
      // Sent with its length, as a browser sends a form: one buffer, not a stream.
      const encoded = new Response(form);
      return {
        contentType: encoded.headers.get("content-type") ?? undefined,
        payload: encoded.arrayBuffer().then((b) => Buffer.from(b)),
      };
    }
  }
}

export const HUGE_BODY_BYTES = HUGE;
