/** Idempotency (issue 5): 400/409/422/replay, 50 concurrent duplicates, scope, 503 without Redis. */
import { createTestRedis } from "@shop/test-kit";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import {
  startGateway,
  startIssuer,
  startUpstream,
  sleep,
  type Issuer,
  type TestGateway,
} from "../testing/harness.js";
import { IdempotencyStore } from "./idempotency-store.js";

const YAML = `
upstreams:
  order: { timeout: 3s, breaker: { failures: 1000 } }
routes:
  - { id: checkout, path: /api/checkout, methods: [POST], upstream: order, policy: guest, idempotency: required }
  - { id: things, path: /api/things, methods: [POST], upstream: order, policy: public, idempotency: optional }
  - id: limited
    path: /api/limited
    methods: [POST]
    upstream: order
    policy: public
    idempotency: required
    rateLimit: { limit: 1, window: 500ms, by: ip }
`;

describe("gateway idempotency", () => {
  let issuer: Issuer;
  let executions = 0;
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let gw: TestGateway;
  let guest: string;
  /** The next execution answers this with Retry-After ("not done, try again"). */
  let retryOnce: { status: number; code: string; retryAfter: boolean } | undefined;

  before(async () => {
    issuer = await startIssuer();
    upstream = await startUpstream(async (req, res, body) => {
      const delay = Number(req.headers["x-test-delay"] ?? 0);
      if (delay) await sleep(delay);
      if (retryOnce) {
        const { status, code, retryAfter } = retryOnce;
        retryOnce = undefined;
        res
          .writeHead(status, {
            "content-type": "application/problem+json",
            ...(retryAfter ? { "retry-after": "1" } : {}),
          })
          .end(JSON.stringify({ status, code }));
        return;
      }
      const n = ++executions;
      const pad = req.headers["x-test-pad"] ? "x".repeat(200_000) : "";
      res
        .writeHead(201, {
          "content-type": "application/json",
          location: `/api/orders/${n}`,
          "x-upstream": "order",
        })
        .end(JSON.stringify({ orderId: n, received: body.toString(), pad }));
    });
    gw = await startGateway(YAML, { upstreams: { order: upstream.url }, authUrl: issuer.url });
    guest = await issuer.token({ sub: "guest_one", role: "guest" });
  });
  after(async () => {
    await gw.close();
    await upstream.close();
    await issuer.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(gw.url + path, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${guest}`, ...headers },
      body: JSON.stringify(body),
    });

  async function code(res: Response): Promise<string> {
    assert.equal(res.headers.get("content-type"), "application/problem+json");
    return ((await res.json()) as { code: string }).code;
  }

  it("requires a well-formed key where configured", async () => {
    const before = executions;
    const missing = await post("/api/checkout", { cart: 1 });
    assert.equal(missing.status, 400);
    assert.equal(await code(missing), "IDEMPOTENCY_KEY_MISSING");
    for (const bad of ["short", "has space in it", "x".repeat(256), '"quoted but bad!"']) {
      const res = await post("/api/checkout", { cart: 1 }, { "idempotency-key": bad });
      assert.equal(res.status, 400, bad);
      assert.equal(await code(res), "IDEMPOTENCY_KEY_INVALID");
    }
    assert.equal(executions, before);
  });

  it("replays the stored status, headers and full body of the first answer", async () => {
    const key = randomUUID();
    const first = await post(
      "/api/checkout",
      { a: 1, b: [1, 2] },
      { "idempotency-key": key, "x-test-pad": "1" },
    );
    assert.equal(first.status, 201);
    const firstBody = await first.text();
    const before = executions;
    // Same payload with keys in another order, sent with the description's header name.
    const again = await post(
      "/api/checkout",
      { b: [1, 2], a: 1 },
      { "x-idempotency-key": key, "x-test-pad": "1" },
    );
    assert.equal(again.status, 201);
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    assert.equal(again.headers.get("x-idempotency-replayed"), "true");
    assert.equal(again.headers.get("location"), first.headers.get("location"));
    assert.equal(again.headers.get("x-upstream"), "order");
    const againBody = await again.text();
    assert.equal(againBody.length, firstBody.length);
    assert.equal(againBody, firstBody);
    assert.equal(executions, before);
    assert.equal(first.headers.get("idempotent-replayed"), null);
  });

  it("answers 422 when the key is reused with a different payload", async () => {
    const key = randomUUID();
    assert.equal(
      (await post("/api/checkout", { amount: 1 }, { "idempotency-key": key })).status,
      201,
    );
    const reused = await post("/api/checkout", { amount: 2 }, { "idempotency-key": key });
    assert.equal(reused.status, 422);
    assert.equal(await code(reused), "IDEMPOTENCY_KEY_REUSED");
  });

  it("answers 409 to a duplicate while the first is still in flight", async () => {
    const key = randomUUID();
    const first = post(
      "/api/checkout",
      { slow: true },
      { "idempotency-key": key, "x-test-delay": "300" },
    );
    await sleep(50);
    const duplicate = await post("/api/checkout", { slow: true }, { "idempotency-key": key });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.headers.get("retry-after"), "1");
    assert.equal(await code(duplicate), "IDEMPOTENCY_KEY_IN_USE");
    assert.equal((await first).status, 201);
  });

  it("executes 50 concurrent identical POSTs with one key exactly once", async () => {
    const key = randomUUID();
    const before = executions;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        post("/api/checkout", { items: [1] }, { "idempotency-key": key, "x-test-delay": "100" }),
      ),
    );
    assert.equal(executions - before, 1);
    const statuses = answers.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201 || s === 409).length, 50);
    const created = answers.filter((r) => r.status === 201);
    assert.equal(created.filter((r) => r.headers.get("idempotent-replayed") !== "true").length, 1);
    const later = await post("/api/checkout", { items: [1] }, { "idempotency-key": key });
    assert.equal(later.headers.get("idempotent-replayed"), "true");
    assert.equal(executions - before, 1);
  });

  it("scopes keys to the caller", async () => {
    const key = randomUUID();
    const other = await issuer.token({ sub: "guest_two", role: "guest" });
    const before = executions;
    assert.equal(
      (await post("/api/checkout", { same: 1 }, { "idempotency-key": key })).status,
      201,
    );
    const otherCaller = await post(
      "/api/checkout",
      { same: 1 },
      { "idempotency-key": key, authorization: `Bearer ${other}` },
    );
    assert.equal(otherCaller.status, 201);
    assert.equal(otherCaller.headers.get("idempotent-replayed"), null);
    assert.equal(executions - before, 2);
  });

  it("passes writes without a key through on optional routes", async () => {
    const before = executions;
    assert.equal((await post("/api/things", { x: 1 })).status, 201);
    assert.equal((await post("/api/things", { x: 1 })).status, 201);
    assert.equal(executions - before, 2);
  });

  it("does not store answers the gateway produced (429, 503)", async () => {
    const keyA = randomUUID();
    const keyB = randomUUID();
    assert.equal((await post("/api/limited", {}, { "idempotency-key": keyA })).status, 201);
    const limited = await post("/api/limited", {}, { "idempotency-key": keyB });
    assert.equal(limited.status, 429);
    await sleep(1_100);
    const retried = await post("/api/limited", {}, { "idempotency-key": keyB });
    assert.equal(retried.status, 201);
    assert.equal(retried.headers.get("idempotent-replayed"), null);
  });

  it("frees the key when the upstream cannot be reached, so a retry executes", async () => {
    const down = await startUpstream((_req, res) => res.writeHead(201).end("{}"));
    await down.close();
    const gwDown = await startGateway(YAML, {
      upstreams: { order: down.url },
      authUrl: issuer.url,
      env: { REDIS_PREFIX: gw.prefix },
    });
    const key = randomUUID();
    try {
      const failed = await fetch(`${gwDown.url}/api/things`, {
        method: "POST",
        headers: { "idempotency-key": key },
        body: "{}",
      });
      assert.equal(failed.status, 503);
      assert.equal(await code(failed), "UPSTREAM_UNAVAILABLE");
    } finally {
      await gwDown.close({ keepKeys: true });
    }
    const retried = await fetch(`${gw.url}/api/things`, {
      method: "POST",
      headers: { "idempotency-key": key },
      body: "{}",
    });
    assert.equal(retried.status, 201);
    assert.equal(retried.headers.get("idempotent-replayed"), null);
  });

  for (const asked of [
    { status: 503, code: "DEPENDENCY_UNAVAILABLE", retryAfter: true },
    { status: 502, code: "UPSTREAM_BAD_RESPONSE", retryAfter: false },
    { status: 409, code: "IDEMPOTENCY_KEY_IN_USE", retryAfter: true },
  ])
    it(`does not store an upstream's ${asked.status} ${asked.code}: the retry with the same key executes`, async () => {
      const key = randomUUID();
      retryOnce = asked;
      const first = await post("/api/checkout", { cart: "x" }, { "idempotency-key": key });
      assert.equal(first.status, asked.status);
      assert.equal(await code(first), asked.code);
      const retried = await post("/api/checkout", { cart: "x" }, { "idempotency-key": key });
      assert.equal(retried.status, 201);
      assert.equal(retried.headers.get("idempotent-replayed"), null);
      const replayed = await post("/api/checkout", { cart: "x" }, { "idempotency-key": key });
      assert.equal(
        replayed.headers.get("idempotent-replayed"),
        "true",
        "a definite answer is kept",
      );
    });

  it("answers 503 IDEMPOTENCY_UNAVAILABLE without Redis and never calls the upstream", async () => {
    const noRedis = await startGateway(YAML, {
      upstreams: { order: upstream.url },
      authUrl: issuer.url,
      env: { REDIS_URL: "redis://127.0.0.1:1/15" },
      settleMs: 200,
    });
    const before = executions;
    try {
      const res = await fetch(`${noRedis.url}/api/things`, {
        method: "POST",
        headers: { "idempotency-key": randomUUID() },
        body: "{}",
      });
      assert.equal(res.status, 503);
      assert.equal(await code(res), "IDEMPOTENCY_UNAVAILABLE");
      assert.equal(executions, before);
    } finally {
      await noRedis.close();
    }
  });
});

describe("idempotency store", () => {
  it("lets an in-flight claim expire so a crashed request does not block its key", async () => {
    const { redis, prefix, cleanup } = await createTestRedis("gateway-idem");
    try {
      const store = new IdempotencyStore(redis);
      const key = `${prefix}idempotency:k`;
      const first = await store.claim(key, "t1", "fp", 100);
      assert.equal(first.kind, "claimed");
      assert.equal((await store.claim(key, "t2", "fp", 100)).kind, "in-flight");
      await sleep(150);
      const again = await store.claim(key, "t3", "fp", 100);
      assert.equal(again.kind, "claimed");
      // The crashed first holder can no longer overwrite the new claim.
      assert.equal(
        first.kind === "claimed" &&
          (await store.complete(key, first.claim, "fp", { status: 200, headers: [] }, 1000)),
        false,
      );
    } finally {
      await cleanup();
    }
  });
});
