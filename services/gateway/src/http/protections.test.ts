/** Protections (issue 5): rate limits, body limits, circuit breaker, timeouts, CORS, request ids, routing answers. */
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import {
  capturingLogger,
  startGateway,
  startIssuer,
  startUpstream,
  sleep,
  type Issuer,
  type TestGateway,
} from "../testing/harness.js";

const YAML = `
upstreams:
  api: { timeout: 2s, breaker: { failures: 1000 } }
  fragile: { timeout: 300ms, breaker: { failures: 3, openFor: 500ms } }
cors:
  origins: ["http://shop.test"]
routes:
  - id: echo
    path: /api/echo/*
    methods: [GET, POST, PUT]
    upstream: api
    policy: public
    bodyLimit: 1kb
  - id: limited
    path: /api/limited
    methods: [GET]
    upstream: api
    policy: public
    rateLimit: { limit: 3, window: 1m, by: caller }
  - id: login
    path: /api/login
    methods: [POST]
    upstream: api
    policy: public
    rateLimit: { limit: 2, window: 1m, by: ip }
  - id: fragile
    path: /api/fragile
    methods: [GET]
    upstream: fragile
    policy: public
  - id: rewritten
    path: /gw/v1/*
    methods: [GET]
    upstream: api
    policy: public
    rewrite: { stripPrefix: /gw/v1, addPrefix: /internal-v1 }
`;

describe("gateway protections", () => {
  let issuer: Issuer;
  let api: Awaited<ReturnType<typeof startUpstream>>;
  let fragileMode: "ok" | "down" | "slow" = "ok";
  let fragile: Awaited<ReturnType<typeof startUpstream>>;
  let gw: TestGateway;

  before(async () => {
    issuer = await startIssuer();
    api = await startUpstream((req, res, body) => {
      res.writeHead(200, { "content-type": "application/json", "set-cookie": ["a=1", "b=2"] });
      res.end(
        JSON.stringify({
          url: req.url,
          method: req.method,
          bytes: body.length,
          requestId: req.headers["x-request-id"],
          xff: req.headers["x-forwarded-for"],
        }),
      );
    });
    fragile = await startUpstream(async (_req, res) => {
      if (fragileMode === "slow") await sleep(2_500);
      if (fragileMode === "down")
        res.writeHead(503, { "content-type": "application/json" }).end("{}");
      else res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
    gw = await startGateway(YAML, {
      upstreams: { api: api.url, fragile: fragile.url },
      authUrl: issuer.url,
    });
  });
  after(async () => {
    await gw.close();
    await api.close();
    await fragile.close();
    await issuer.close();
  });

  async function problem(res: Response, status: number, code: string) {
    assert.equal(res.status, status);
    assert.equal(res.headers.get("content-type"), "application/problem+json");
    const body = (await res.json()) as {
      code: string;
      type: string;
      title: string;
      detail: string;
      requestId: string;
    };
    assert.equal(body.code, code);
    assert.ok(body.type && body.title && body.detail && body.requestId);
    return body;
  }

  it("limits per IP with 429, Retry-After and RateLimit headers", async () => {
    const login = (ip: string) =>
      fetch(`${gw.url}/api/login`, {
        method: "POST",
        headers: { "x-forwarded-for": ip },
        body: "{}",
      });
    const first = await login("203.0.113.7");
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("ratelimit-policy"), '"login";q=2;w=60');
    assert.match(first.headers.get("ratelimit") ?? "", /^"login";r=1;t=\d+$/);
    assert.equal((await login("203.0.113.7")).status, 200);
    const refused = await login("203.0.113.7");
    await problem(refused, 429, "RATE_LIMITED");
    assert.ok(Number(refused.headers.get("retry-after")) >= 1);
    assert.match(refused.headers.get("ratelimit") ?? "", /^"login";r=0;t=\d+$/);
    // Another client behind the same trusted proxy has its own budget.
    assert.equal((await login("198.51.100.9")).status, 200);
    // Platform callers holding the internal key (warm-up, refreshes) are never charged.
    const internal = await fetch(`${gw.url}/api/login`, {
      method: "POST",
      headers: { "x-forwarded-for": "203.0.113.7", "x-internal-key": gw.internalKey },
      body: "{}",
    });
    assert.equal(internal.status, 200);
  });

  it("limits signed-in members per member, not per IP", async () => {
    const alice = await issuer.token({ sub: "alice", role: "customer" });
    const bob = await issuer.token({ sub: "bob", role: "customer" });
    const get = (token: string) =>
      fetch(`${gw.url}/api/limited`, { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 3; i++) assert.equal((await get(alice)).status, 200);
    assert.equal((await get(alice)).status, 429);
    assert.equal((await get(bob)).status, 200);
  });

  it("refuses bodies over the route limit from Content-Length and while streaming (413)", async () => {
    const big = "x".repeat(2_000);
    const declared = await fetch(`${gw.url}/api/echo/upload`, { method: "POST", body: big });
    await problem(declared, 413, "BODY_TOO_LARGE");
    const before = api.calls.length;
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${gw.url}/api/echo/upload`,
        { method: "POST", headers: { "transfer-encoding": "chunked" } },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      for (let i = 0; i < 4; i++) req.write("y".repeat(500));
      req.end();
    });
    assert.equal(streamed.status, 413);
    assert.equal((JSON.parse(streamed.body) as { code: string }).code, "BODY_TOO_LARGE");
    assert.equal(api.calls.length, before);
    const fits = await fetch(`${gw.url}/api/echo/upload`, {
      method: "POST",
      body: "z".repeat(1_000),
    });
    assert.equal(fits.status, 200);
    assert.equal(((await fits.json()) as { bytes: number }).bytes, 1_000);
  });

  it("opens the circuit after repeated failures, answers 503 with Retry-After, and recovers", async () => {
    fragileMode = "down";
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${gw.url}/api/fragile`)).status, 503);
    const callsWhenOpened = fragile.calls.length;
    const open = await fetch(`${gw.url}/api/fragile`);
    await problem(open, 503, "CIRCUIT_OPEN");
    assert.ok(Number(open.headers.get("retry-after")) >= 1);
    assert.equal(fragile.calls.length, callsWhenOpened);
    fragileMode = "ok";
    await sleep(550);
    // Half-open: one probe goes through, succeeds, and closes the circuit.
    assert.equal((await fetch(`${gw.url}/api/fragile`)).status, 200);
    assert.equal((await fetch(`${gw.url}/api/fragile`)).status, 200);
    assert.equal(fragile.calls.length, callsWhenOpened + 2);
  });

  // undici's header timer has about a second of resolution, so the 300 ms limit fires within ~1.5 s.
  it("answers 504 UPSTREAM_TIMEOUT when the upstream is slower than the route allows", async () => {
    fragileMode = "slow";
    try {
      await problem(await fetch(`${gw.url}/api/fragile`), 504, "UPSTREAM_TIMEOUT");
    } finally {
      fragileMode = "ok";
    }
  });

  it("answers CORS preflights for configured origins only and decorates answers", async () => {
    const preflight = await fetch(`${gw.url}/api/echo/x`, {
      method: "OPTIONS",
      headers: {
        origin: "http://shop.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "Content-Type, Idempotency-Key",
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "http://shop.test");
    assert.equal(
      preflight.headers.get("access-control-allow-headers"),
      "content-type, idempotency-key",
    );
    assert.equal(preflight.headers.get("access-control-allow-credentials"), "true");
    const actual = await fetch(`${gw.url}/api/echo/x`, { headers: { origin: "http://shop.test" } });
    assert.equal(actual.headers.get("access-control-allow-origin"), "http://shop.test");
    assert.match(actual.headers.get("access-control-expose-headers") ?? "", /x-request-id/);
    const foreign = await fetch(`${gw.url}/api/echo/x`, {
      headers: { origin: "http://evil.test" },
    });
    assert.equal(foreign.headers.get("access-control-allow-origin"), null);
  });

  it("accepts or generates X-Request-Id and propagates it upstream", async () => {
    const given = await fetch(`${gw.url}/api/echo/id`, {
      headers: { "x-request-id": "req-abc-123" },
    });
    assert.equal(given.headers.get("x-request-id"), "req-abc-123");
    assert.equal(((await given.json()) as { requestId: string }).requestId, "req-abc-123");
    const generated = await fetch(`${gw.url}/api/echo/id`, {
      headers: { "x-request-id": "bad id with spaces" },
    });
    const id = generated.headers.get("x-request-id") ?? "";
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.equal(((await generated.json()) as { requestId: string }).requestId, id);
  });

  it("streams upstream answers with their headers (multiple Set-Cookie kept) and rewrites paths", async () => {
    const res = await fetch(`${gw.url}/api/echo/a?b=1`);
    assert.deepEqual(res.headers.getSetCookie(), ["a=1", "b=2"]);
    assert.equal(((await res.json()) as { url: string }).url, "/api/echo/a?b=1");
    const rewritten = await fetch(`${gw.url}/gw/v1/things?q=1`);
    assert.equal(((await rewritten.json()) as { url: string }).url, "/internal-v1/things?q=1");
    const head = await fetch(`${gw.url}/api/echo/a`, { method: "HEAD" });
    assert.equal(head.status, 200);
  });

  it("answers unknown routes, wrong methods and unsafe paths with problem details", async () => {
    await problem(await fetch(`${gw.url}/api/nothing-here`), 404, "ROUTE_NOT_FOUND");
    const wrong = await fetch(`${gw.url}/api/echo/x`, { method: "DELETE" });
    await problem(wrong, 405, "METHOD_NOT_ALLOWED");
    assert.match(wrong.headers.get("allow") ?? "", /GET/);
    for (const path of ["/api/echo/../../internal/x", "/api/echo/%2e%2e/x", "/api/echo/a%2Fb"]) {
      const res = await new Promise<number>((resolve) => {
        httpRequest({ host: "127.0.0.1", port: new URL(gw.url).port, path }, (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        }).end();
      });
      assert.equal(res, 400, path);
    }
  });

  it("answers unparseable HTTP with problem details", async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(gw.url).port), "127.0.0.1", () =>
        socket.write("NOT HTTP AT ALL\r\n\r\n"),
      );
      let data = "";
      socket.on("data", (c: Buffer) => (data += c.toString()));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    assert.match(raw, /^HTTP\/1\.1 400 /);
    assert.match(raw, /content-type: application\/problem\+json/);
    assert.match(raw, /"code":"VALIDATION_FAILED"/);
  });

  it("serves its health, readiness and route documentation", async () => {
    assert.equal((await fetch(`${gw.url}/health`)).status, 200);
    const ready = await fetch(`${gw.url}/health/ready`);
    const report = (await ready.json()) as {
      status: string;
      checks: Record<string, { status: string }>;
    };
    assert.equal(ready.status, 200, JSON.stringify(report));
    assert.equal(report.checks.redis?.status, "ok");
    assert.equal(report.checks.jwks?.status, "ok");
    const doc = (await (await fetch(`${gw.url}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { "x-gateway": { policy: string } }>>;
    };
    assert.equal(doc.paths["/api/limited"]?.get?.["x-gateway"].policy, "public");
    assert.ok(doc.paths["/api/echo/{rest}"]?.post);
    assert.match(await (await fetch(`${gw.url}/docs`)).text(), /<table>/);
  });
});

describe("gateway logs", () => {
  it("writes one access line per request with its request id, route and upstream, and says why an upstream failed", async () => {
    const api = await startUpstream((_req, res) => res.writeHead(200).end("ok"));
    const down = await startUpstream((_req, res) => res.end());
    await down.close();
    const { logger, lines } = capturingLogger();
    const gw = await startGateway(YAML, {
      upstreams: { api: api.url, fragile: down.url },
      env: { LOG_LEVEL: "info" },
      logger,
    });
    try {
      await (
        await fetch(`${gw.url}/api/echo/x`, { headers: { "x-request-id": "trace-ok-1" } })
      ).text();
      await (
        await fetch(`${gw.url}/api/fragile`, { headers: { "x-request-id": "trace-down-1" } })
      ).text();
      await sleep(50);
      const ok = lines.find((l) => l.requestId === "trace-ok-1");
      assert.deepEqual(
        { msg: ok?.msg, route: ok?.route, upstream: ok?.upstream, status: ok?.status },
        { msg: "request completed", route: "echo", upstream: "api", status: 200 },
      );
      const failed = lines.filter((l) => l.requestId === "trace-down-1");
      assert.ok(failed.some((l) => l.code === "UPSTREAM_UNAVAILABLE" && l.level === "warn"));
      assert.ok(
        failed.some(
          (l) => l.msg === "request completed" && l.status === 503 && l.level === "error",
        ),
      );
    } finally {
      await gw.close();
      await api.close();
    }
  });
});
