/**
 * HTTP for the API end-to-end tests: JSON calls to the edge proxy or the gateway of the running
 * stack, a small cookie jar, and checks for RFC 9457 problem details.
 */
import assert from "node:assert/strict";
import { Problem } from "@shop/contracts";
import { clientAuthHeader, stack } from "../../harness.js";

/** The public entry point (edge proxy) and the API gateway of the stack under test. */
export const edge = (): string => stack().urls["edge-proxy"];
export const gateway = (): string => stack().urls.gateway;

export interface CallOptions {
  method?: string;
  /** Sent as JSON (sets Content-Type). */
  json?: unknown;
  /** Sent as is (set the Content-Type yourself). */
  body?: string;
  headers?: Record<string, string>;
  /** `Authorization: Bearer <token>`. */
  token?: string;
  /** `Authorization: Basic <storefront client key>` (auth's token-minting routes). */
  client?: boolean;
  /**
   * Client address as a proxy in front would report it (`X-Forwarded-For`). The gateway trusts
   * loopback peers as proxies, so a call made straight to it from here can play a distinct
   * shopper; through the edge (no trusted hops) the header is ignored and every call is 127.0.0.1.
   */
  ip?: string;
  idempotencyKey?: string;
  /** Cookies to send; Set-Cookie answers update it. */
  jar?: CookieJar;
}

export interface Answer<T> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: T;
  text: string;
  ms: number;
}

/** One request; never follows redirects (a redirect must reach the browser untouched). */
export async function call<T = Record<string, unknown>>(
  base: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.json !== undefined) headers["content-type"] ??= "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.client) headers.authorization = clientAuthHeader();
  if (options.ip) headers["x-forwarded-for"] = options.ip;
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  if (options.jar?.size) headers.cookie = options.jar.header();
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method: options.method ?? (options.json !== undefined || options.body ? "POST" : "GET"),
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    redirect: "manual",
  });
  const text = await res.text();
  const ms = performance.now() - started;
  options.jar?.update(res.headers.getSetCookie());
  let body: unknown;
  if (text && /json/.test(res.headers.get("content-type") ?? "")) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: body as T, text, ms };
}

/**
 * Asserts an RFC 9457 answer with the given status and catalogue code, and returns it.
 * Also checks nothing of the implementation leaks (no stack trace, no driver message).
 */
export function assertProblem(answer: Answer<unknown>, status: number, code: string) {
  assert.equal(
    answer.status,
    status,
    `expected ${status} ${code}, got ${answer.status}: ${answer.text}`,
  );
  assert.match(answer.headers.get("content-type") ?? "", /application\/problem\+json/);
  const problem = Problem.parse(answer.body);
  assert.equal(problem.code, code, answer.text);
  assert.equal(problem.status, status);
  assert.ok(problem.requestId, "problem details carry the request id");
  assert.doesNotMatch(
    answer.text,
    /\bat [\w.<>]+ \(|node_modules|ECONNREFUSED|syntax error at or near/,
  );
  return problem;
}

/** A browser's cookies for one site: name → value, updated from Set-Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(initial)) this.cookies.set(name, value);
  }

  get size(): number {
    return this.cookies.size;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  delete(name: string): void {
    this.cookies.delete(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  update(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The attributes of the Set-Cookie line for `name`, lower-cased (`httponly`, `samesite=lax`, …). */
export function cookieAttributes(answer: Answer<unknown>, name: string): string[] | undefined {
  const line = answer.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
  return line
    ?.split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());
}

/** Median and tail of a list of durations (ms). */
export function percentiles(samples: number[]): {
  median: number;
  p90: number;
  p99: number;
  max: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { median: at(50), p90: at(90), p99: at(99), max: sorted.at(-1) ?? NaN };
}

/** Polls `probe` until it returns a value (not undefined) or `timeoutMs` passes; returns it and the time taken. */
export async function within<T>(
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  intervalMs = 25,
): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    const ms = performance.now() - started;
    if (value !== undefined) return { value, ms };
    if (ms > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
