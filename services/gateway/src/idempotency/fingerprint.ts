/** Request fingerprints for idempotency: method, path, sorted query and a canonical body. */
import { createHash } from "node:crypto";

/** JSON with object keys sorted at every depth, so `{"a":1,"b":2}` and `{"b":2,"a":1}` agree. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value as Record<string, unknown>).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function canonicalBody(contentType: string | undefined, body: Buffer): Buffer | string {
  if (body.length === 0) return "";
  if (contentType && /[/+]json\b/i.test(contentType)) {
    try {
      return canonicalJson(JSON.parse(body.toString("utf8")));
    } catch {
      // Not JSON after all: the raw bytes are the fingerprint (the upstream will say 400).
    }
  }
  return body;
}

export function sortedQuery(query: string): string {
  if (!query) return "";
  const pairs = [...new URLSearchParams(query)];
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  return new URLSearchParams(pairs).toString();
}

export function fingerprint(
  method: string,
  path: string,
  query: string,
  contentType: string | undefined,
  body: Buffer,
): string {
  return createHash("sha256")
    .update(`${method}\n${path}\n${sortedQuery(query)}\n`)
    .update(canonicalBody(contentType, body))
    .digest("hex");
}
