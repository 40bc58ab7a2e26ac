// A property-based fuzz of every public operation, driven by the services' own OpenAPI documents
// and sent through the gateway: malformed and wrong-typed JSON, oversized bodies, every content
// type plus wrong ones, odd path segments and odd query strings — anonymously, as a signed-in
// member and as an admin. Every answer must be a 4xx problem (never a 5xx, never a stack trace or
// a driver message), and nothing may be written: every table keeps its row count.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import pg from "pg";
import type { PartName } from "../../infra/parts.js";
import { clientAuthHeader, stack } from "../harness.js";
import { adminSession, login, registerCustomer, type Session } from "./lib/fixtures.js";
import { Client, fetch } from "undici";
import {
  DOC_PARTS,
  gatewayRoutes,
  publicOperations,
  type Operation,
} from "./lib/fuzz-operations.js";
import { encodeBody, requests, type FuzzRequest } from "./lib/fuzz-requests.js";
import { call, gateway } from "./lib/http.js";

/** Fixed so that every run sends the same requests (task i uses SEED + i). */
const SEED = 20_260_607;
/** Generated requests per operation and caller (about 3 000 requests in all). */
const RUNS = 18;
/** (operation, caller) properties checked at the same time. */
const CONCURRENCY = 6;

// Tables allowed to change while hostile requests are refused (each with its reason). None so
// far: failed sign-ins, guest sessions and idempotency records live in Redis, not in a database.
// The platform's background writers (reservation sweepers, the order outbox relay, the payment
// forwarder and sandbox webhooks, the image sweep) act only on orders, payments, expired
// reservations, day-old uploads and products deleted an hour ago, none of which the files before
// this one leave behind.
const RECORDS_ATTEMPTS = new Set<string>();

const STACK_TRACE = /^\s{4}at |\n\s{4}at |node_modules|\.ts:\d/;
const DRIVER_MESSAGE =
  /relation "|syntax error|duplicate key|violates|ECONNREFUSED|Prisma|TypeORM|QueryFailedError|invalid input syntax/;

interface Caller {
  name: "anonymous" | "member" | "admin";
  /** Sessions of this kind, used in turn (each has its own rate-limit budget). */
  sessions: Session[];
}

let operations: Operation[] = [];
let skipped: string[] = [];
let callers: Caller[] = [];
let sent = 0;
/** Bodies above the route's limit that the gateway refused by closing before reading them. */
let closedUnread = 0;

/**
 * Every fuzz request goes on a connection of its own (a client with one socket, destroyed once the
 * answer is read), so an answer (or a reset) belongs to that request alone and never to a
 * connection an earlier hostile request left behind. The request itself asks for keep-alive: when
 * the gateway refuses a body within the route's limit before reading it (401, 403, a bad path), it
 * then reads and discards the rest and the answer arrives. Sent with `Connection: close`, the
 * gateway closed right after its answer with the body unread, and the reset for the unread bytes
 * could beat the answer (write EPIPE for about 1 in 10 two-megabyte uploads refused with 401). A
 * body above the route's limit may still see the gateway close instead of its 413: it refuses
 * without reading the rest (reading it would be the attack).
 */
const closedByServer = (error: unknown) =>
  ["EPIPE", "ECONNRESET", "UND_ERR_SOCKET"].includes(
    String((error as { cause?: { code?: unknown } }).cause?.code),
  );

/** A broken rule: which rule, for which request, and what came back. */
class Broken extends Error {
  constructor(
    readonly rule: string,
    readonly request: string,
    readonly answer = "",
  ) {
    super(`${rule}: ${request}${answer ? ` → ${answer}` : ""}`);
  }
}

interface Finding {
  rule: string;
  /** Operation, caller and the request as sent. */
  request: string;
  answer: string;
  /** How to send the same request again. */
  replay: string;
}

/** Row count of every table of every service database, as `database.schema.table`. */
async function rowCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const [database, url] of Object.entries(stack().databaseUrls)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
          ORDER BY 1, 2`,
      );
      for (const { schema, name } of tables.rows) {
        const quoted = `"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`;
        const res = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted}`);
        counts.set(`${database}.${schema}.${name}`, Number(res.rows[0]?.n));
      }
    } finally {
      await client.end();
    }
  }
  return counts;
}

/** An admin other than the development one: a new customer promoted, then signed in again. */
async function extraAdmin(label: string): Promise<Session> {
  const customer = await registerCustomer(label);
  const root = await adminSession();
  const res = await call(gateway(), `/api/members/${customer.id}`, {
    method: "PATCH",
    token: root.accessToken,
    ip: root.ip,
    json: { role: "admin" },
  });
  assert.equal(res.status, 200, `promote ${customer.email}: ${res.text}`);
  return login(customer.email, customer.password);
}

/** Requests one task sends at most: the over-limit body and RUNS generated ones. */
const PER_TASK = 32;

/**
 * Client address of request `i` of task `task` (198.18.0.0/15): no request spends another's IP
 * budget, and a request has the same address in every run, whatever order the tasks interleave in.
 */
function ipOf(task: number, i: number): string {
  const n = task * PER_TASK + Math.min(i, PER_TASK - 1);
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
}

const summary = (req: FuzzRequest, bytes: number) =>
  `${req.method} ${req.path.slice(0, 160)} body=${JSON.stringify(req.body).slice(0, 160)}` +
  (bytes ? ` (${bytes} bytes)` : "");

/** What is wrong with an answer, or undefined when it keeps the rules. */
function violation(status: number, headers: Headers, text: string): string | undefined {
  if (status >= 500 && !(status === 503 && headers.has("retry-after"))) return `answered ${status}`;
  if (STACK_TRACE.test(text)) return `stack trace in the body`;
  if (DRIVER_MESSAGE.test(text)) return `driver message in the body`;
  if (status >= 400) {
    if (!/^application\/problem\+json/.test(headers.get("content-type") ?? ""))
      return `${status} is ${headers.get("content-type") ?? "without a content type"}`;
    let code: unknown;
    try {
      code = (JSON.parse(text) as { code?: unknown }).code;
    } catch {
      return `${status} problem body is not JSON`;
    }
    if (typeof code !== "string") return `${status} problem without a string code`;
  }
  return undefined;
}

/**
 * Sends one fuzz request as `session` (anonymous when undefined) from `ip`; throws `Broken` on a
 * broken rule.
 */
async function send(op: Operation, req: FuzzRequest, session: Session | undefined, ip: string) {
  sent++;
  const headers: Record<string, string> = { "x-forwarded-for": ip };
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  // Auth's token routes are for first-party clients: without their key nothing reaches the body.
  else if (op.part === "auth") headers.authorization = clientAuthHeader();
  if (req.method !== "GET") headers["idempotency-key"] = randomUUID();
  const { contentType, payload: encoded } = encodeBody(req.body);
  const payload = await encoded;
  if (contentType) headers["content-type"] = contentType;
  // JSON text or a multipart form alike: what counts is the bytes on the wire.
  const bytes = payload === undefined ? 0 : Buffer.byteLength(payload);
  const overLimit = bytes > op.route.bodyLimit;
  const request = summary(req, bytes);
  let res: { status: number; headers: Headers; text: string };
  const connection = new Client(gateway());
  try {
    const answer = await fetch(`${gateway()}${req.path}`, {
      method: req.method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
      redirect: "manual",
      dispatcher: connection,
    });
    res = { status: answer.status, headers: answer.headers as Headers, text: await answer.text() };
  } catch (error) {
    if (overLimit && closedByServer(error)) {
      closedUnread++;
      return;
    }
    const cause = (error as Error & { cause?: unknown }).cause;
    throw new Broken(`no answer (${String(cause ?? error)})`, request);
  } finally {
    await connection.destroy();
  }
  const text = res.text.slice(0, 400);
  if (overLimit && res.status < 400)
    throw new Broken(`a body above the route's limit was accepted (${res.status})`, request, text);
  const problem = violation(res.status, res.headers, res.text);
  if (problem) throw new Broken(problem, request, text);
  // Hostile bodies for an operation that takes one are refused, never carried out.
  if (op.bodySchema && req.body.kind !== "none" && res.status < 400)
    throw new Broken(`a hostile write was accepted (${res.status})`, request, text);
}

async function inTurn<T>(tasks: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

// About 12 s on an idle machine, 25–45 s beside two busy CPU loops, 63 s beside a second stack too:
// the limit is for a hang, not for a slow machine.
describe("fuzzing every public operation through the gateway", { timeout: 240_000 }, () => {
  let before_: Map<string, number>;

  before(async () => {
    const routes = gatewayRoutes();
    for (const part of DOC_PARTS) {
      const res = await call(stack().urls[part as PartName], "/docs/json");
      assert.equal(res.status, 200, `${part} /docs/json: ${res.text.slice(0, 200)}`);
      const found = publicOperations(part, res.body, routes);
      operations.push(...found.operations);
      skipped.push(...found.skipped);
    }
    const members = await Promise.all([1, 2, 3].map((i) => registerCustomer(`fuzz-${i}`)));
    const admins = [
      await adminSession(),
      await extraAdmin("fuzz-admin-1"),
      await extraAdmin("fuzz-admin-2"),
    ];
    callers = [
      { name: "anonymous", sessions: [] },
      { name: "member", sessions: members },
      { name: "admin", sessions: admins },
    ];
    before_ = await rowCounts();
  });

  after(() => {
    operations = [];
    skipped = [];
  });

  it("finds the public operations in the services' documents", () => {
    const paths = new Set(operations.map((op) => `${op.method} ${op.path}`));
    for (const expected of [
      "POST /api/auth/login",
      "PUT /api/members/me/wishlist/{productId}",
      "POST /api/v1/products",
      "POST /api/cart/items",
      "POST /api/checkout",
      "POST /api/products",
    ])
      assert.ok(paths.has(expected), `${expected} among ${[...paths].join(", ")}`);
    assert.ok(!operations.some((op) => op.path.startsWith("/internal/")));
  });

  it("answers every hostile request with a 4xx problem and writes nothing", async () => {
    const started = performance.now();
    const tasks = operations.flatMap((op, o) =>
      callers.map((caller, c) => async () => {
        const session = caller.sessions[o % Math.max(1, caller.sessions.length)];
        const task = o * callers.length + c;
        const label = `${op.method} ${op.path} as ${caller.name}`;
        const found: Finding[] = [];
        const report = (error: unknown, replay: string) => {
          const broken =
            error instanceof Broken
              ? error
              : new Broken(`threw ${error instanceof Error ? error.message : String(error)}`, "");
          found.push({
            rule: broken.rule,
            request: `${label}: ${broken.request}`,
            answer: broken.answer,
            replay,
          });
        };
        let i = 0;
        // A body above the gateway's limit for the route: refused before any upstream sees it.
        if (op.method !== "GET" && op.method !== "DELETE") {
          const field = Object.keys(op.bodySchema?.properties ?? {})[0] ?? "name";
          const req: FuzzRequest = {
            method: op.method,
            path: op.path.replace(/\{[^}]+\}/g, "x"),
            body: { kind: "huge", field, bytes: op.route.bodyLimit + 1 },
          };
          await send(op, req, session, ipOf(task, i++)).catch((e: unknown) =>
            report(e, `task ${task}: the over-limit body`),
          );
        }
        const seed = SEED + task;
        const details = await fc.check(
          fc.asyncProperty(requests(op), (req) => send(op, req, session, ipOf(task, i++))),
          { seed, numRuns: RUNS, endOnFailure: true },
        );
        if (details.failed)
          report(
            details.errorInstance,
            `task ${task}: fc seed ${seed}, path "${details.counterexamplePath ?? ""}"`,
          );
        return found;
      }),
    );
    const findings = (await inTurn(tasks, CONCURRENCY)).flat();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${sent} requests to ${operations.length} public operations as ${callers.length} callers in ${seconds} s ` +
        `(seed ${SEED}; ${closedUnread} over-limit bodies refused unread; ${skipped.length} documented operations not public)`,
    );
    // CI keeps little of a failure: the first line names the rule and the request.
    const first = findings[0];
    if (first) {
      assert.fail(
        [
          `${first.rule} — ${first.request}` +
            (findings.length > 1 ? ` (and ${findings.length - 1} more below)` : ""),
          ...findings.map(
            (f) => `- ${f.rule} — ${f.request}${f.answer ? ` → ${f.answer}` : ""} [${f.replay}]`,
          ),
        ].join("\n"),
      );
    }

    const after_ = await rowCounts();
    const changed = [...after_]
      .filter(([table, n]) => !RECORDS_ATTEMPTS.has(table) && before_.get(table) !== n)
      .map(([table, n]) => `${table}: ${before_.get(table) ?? "new"} → ${n}`);
    const gone = [...before_.keys()].filter((table) => !after_.has(table));
    changed.push(...gone.map((table) => `${table}: dropped`));
    assert.deepEqual(changed, [], `hostile requests changed row counts — ${changed.join(", ")}`);
  });
});
