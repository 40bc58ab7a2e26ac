// Every service's internal routes are guarded per route, not by URL prefix: each one, reached
// straight at its service (no gateway, no edge) in every spelling a router might take for it —
// percent-encoded letters, other case, doubled or encoded slashes, dot segments — is refused
// without the internal key, and never answered 2xx or 5xx. With the key, the plain spelling gets
// past the guard (so the refusals above are the guard's, not a missing route's).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { request } from "undici";
import type { PartName } from "../../infra/parts.js";
import { stack } from "../harness.js";

const ID = "00000000-0000-4000-8000-000000000000";

const INTERNAL_ROUTES: Array<[PartName, string, string]> = [
  ["product", "POST", "/internal/products/lookup"],
  ["product", "POST", "/internal/reservations"],
  ["product", "GET", `/internal/reservations/${ID}`],
  ["product", "POST", `/internal/reservations/${ID}/commit`],
  ["product", "POST", `/internal/reservations/${ID}/release`],
  ["member", "POST", "/internal/credentials/verify"],
  ["member", "POST", "/internal/members/lookup"],
  ["member", "GET", `/internal/members/${ID}`],
  ["auth", "POST", "/internal/sessions/revoke"],
  ["cart", "GET", `/internal/carts/${ID}`],
  ["order", "POST", "/internal/payments/events"],
  ["payment", "POST", "/internal/payments/authorize"],
  ["payment", "GET", `/internal/payments?orderId=${ID}`],
  ["payment", "GET", `/internal/payments/${ID}`],
  ["payment", "POST", `/internal/payments/${ID}/void`],
];

/** Spellings of one path that some router, proxy or decoder may take for the same route. */
function spellings(path: string): string[] {
  const rest = path.slice("/internal".length);
  return [
    path,
    `/%69nternal${rest}`,
    `/%69%6e%74%65%72%6e%61%6c${rest}`,
    `/INTERNAL${rest}`,
    `/Internal${rest}`,
    `//internal${rest}`,
    `/internal/${rest}`,
    `/internal%2f${rest.slice(1)}`,
    `/./internal${rest}`,
    `/api/../internal${rest}`,
    `/internal/.${rest}`,
  ];
}

async function send(part: PartName, method: string, path: string, key?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers["x-internal-key"] = key;
  const res = await request(`${stack().urls[part]}${path}`, {
    method: method as "GET" | "POST",
    headers,
    ...(method === "GET" ? {} : { body: "{}" }),
  });
  await res.body.text();
  return res.statusCode;
}

describe("internal routes reached straight at each service", () => {
  it("refuse every spelling without the internal key (or with a wrong one)", async () => {
    const findings: string[] = [];
    let sent = 0;
    for (const [part, method, path] of INTERNAL_ROUTES) {
      for (const spelled of spellings(path)) {
        for (const key of [undefined, "not-the-key"]) {
          const status = await send(part, method, spelled, key);
          sent++;
          if (status < 400 || status >= 500)
            findings.push(
              `${part} ${method} ${spelled} (${key ? "wrong key" : "no key"}): ${status}`,
            );
        }
      }
    }
    assert.deepEqual(findings, []);
    assert.ok(sent >= INTERNAL_ROUTES.length * 20, `${sent} requests`);
  });

  it("let the plain spelling past the guard with the key", async () => {
    for (const [part, method, path] of INTERNAL_ROUTES) {
      const status = await send(part, method, path, stack().secrets.INTERNAL_KEY);
      assert.ok(![401, 403].includes(status), `${part} ${method} ${path} with the key: ${status}`);
      assert.ok(status < 500, `${part} ${method} ${path} with the key: ${status}`);
    }
  });
});
