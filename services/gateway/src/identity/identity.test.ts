/** Token validator (issue 3): local JWKS verification, policies, revocation, identity headers. */
import { publishRevocation } from "@shop/platform/redis";
import { generateKeyPair, UnsecuredJWT } from "jose";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  startGateway,
  startIssuer,
  startUpstream,
  sleep,
  type Issuer,
  type TestGateway,
} from "../testing/harness.js";

const YAML = `
upstreams:
  svc: { timeout: 2s }
routes:
  - { id: open, path: /open, methods: [GET], upstream: svc, policy: public }
  - { id: session, path: /session, methods: [GET], upstream: svc, policy: guest }
  - { id: me, path: /me, methods: [GET], upstream: svc, policy: customer }
  - { id: admin, path: /admin, methods: [GET], upstream: svc, policy: admin }
  - { id: internal-looking, path: /internal/*, methods: [GET], upstream: svc, policy: public }
`;

describe("gateway token validator", () => {
  let issuer: Issuer;
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let gw: TestGateway;

  before(async () => {
    issuer = await startIssuer();
    upstream = await startUpstream((req, res) => {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ headers: req.headers }));
    });
    gw = await startGateway(YAML, { upstreams: { svc: upstream.url }, authUrl: issuer.url });
  });
  after(async () => {
    await gw.close();
    await upstream.close();
    await issuer.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(gw.url + path, { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function expectProblem(res: Response, status: number, code: string) {
    assert.equal(res.status, status);
    assert.equal(res.headers.get("content-type"), "application/problem+json");
    const body = (await res.json()) as { code: string; status: number; requestId: string };
    assert.equal(body.code, code);
    assert.equal(body.status, status);
    assert.ok(body.requestId);
    return body;
  }

  it("answers 401 AUTH_REQUIRED when a token is needed and absent", async () => {
    const res = await get("/me");
    await expectProblem(res, 401, "AUTH_REQUIRED");
    assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer/);
  });

  it("forwards a valid token untouched and adds the verified identity headers", async () => {
    const token = await issuer.token({ sub: "member-1", role: "customer", sid: "sess-1" });
    const res = await get("/me", {
      ...bearer(token),
      "x-user-id": "admin-forged",
      "x-user-role": "admin",
    });
    assert.equal(res.status, 200);
    const { headers } = (await res.json()) as { headers: Record<string, string> };
    assert.equal(headers.authorization, `Bearer ${token}`);
    assert.equal(headers["x-user-id"], "member-1");
    assert.equal(headers["x-user-role"], "customer");
    assert.equal(headers["x-session-id"], "sess-1");
  });

  it("strips client-supplied X-User-* and internal headers on every route", async () => {
    const res = await get("/open", {
      "x-user-id": "forged",
      "x-user-role": "admin",
      "x-user-email": "a@b",
      "x-internal-key": "guess",
    });
    const { headers } = (await res.json()) as { headers: Record<string, string> };
    assert.equal(headers["x-user-id"], undefined);
    assert.equal(headers["x-user-role"], undefined);
    assert.equal(headers["x-user-email"], undefined);
    assert.equal(headers["x-internal-key"], undefined);
    assert.ok(headers["x-request-id"]);
  });

  it("rejects alg none, a tampered signature, an expired token, a wrong audience and a foreign key with 401", async () => {
    const none = new UnsecuredJWT({ role: "admin", sid: "s", jti: "j" })
      .setSubject("x")
      .setIssuer("shop-auth")
      .setAudience("shop-api")
      .setIssuedAt()
      .setExpirationTime("5m")
      .encode();
    const good = await issuer.token({ role: "admin" });
    const [h, p, s] = good.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p!, "base64url").toString()),
        role: "admin",
        sub: "someone-else",
      }),
    ).toString("base64url");
    const tampered = `${h}.${forgedPayload}.${s}`;
    const expired = await issuer.token(
      { iat: Math.floor(Date.now() / 1000) - 3600 },
      { expiresIn: Math.floor(Date.now() / 1000) - 60 },
    );
    const wrongAudience = await issuer.token({}, { audience: "another-api" });
    const foreign = await issuer.token(
      {},
      { key: (await generateKeyPair("EdDSA", { crv: "Ed25519" })).privateKey },
    );
    for (const [name, token, code] of [
      ["alg none", none, "AUTH_TOKEN_INVALID"],
      ["tampered", tampered, "AUTH_TOKEN_INVALID"],
      ["expired", expired, "AUTH_TOKEN_EXPIRED"],
      ["wrong audience", wrongAudience, "AUTH_TOKEN_INVALID"],
      ["foreign key", foreign, "AUTH_TOKEN_INVALID"],
    ] as const) {
      // Twice: the second answer comes from the remembered verdict and must not differ.
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await get("/session", bearer(token));
        assert.equal(res.status, 401, name);
        assert.match(
          res.headers.get("www-authenticate") ?? "",
          /Bearer error="invalid_token"/,
          name,
        );
        assert.equal(((await res.json()) as { code: string }).code, code, name);
      }
    }
    assert.equal(upstream.calls.filter((c) => c.url === "/session").length, 0);
  });

  it("answers 403 for the wrong role and lets the right roles through", async () => {
    const guest = await issuer.token({ sub: "guest_abc", role: "guest" });
    const customer = await issuer.token({ role: "customer" });
    const admin = await issuer.token({ role: "admin" });
    await expectProblem(await get("/me", bearer(guest)), 403, "FORBIDDEN");
    await expectProblem(await get("/admin", bearer(customer)), 403, "FORBIDDEN");
    assert.equal((await get("/session", bearer(guest))).status, 200);
    assert.equal((await get("/me", bearer(admin))).status, 200);
    assert.equal((await get("/admin", bearer(admin))).status, 200);
  });

  it("treats a bad token on a public route as anonymous and still forwards the header", async () => {
    const res = await get("/open", bearer("not.a.token"));
    assert.equal(res.status, 200);
    const { headers } = (await res.json()) as { headers: Record<string, string> };
    assert.equal(headers.authorization, "Bearer not.a.token");
    assert.equal(headers["x-user-id"], undefined);
  });

  it("rejects a logged-out session within a second, even for an already verified token", async () => {
    const token = await issuer.token({ sub: "member-2", sid: "sess-logout" });
    assert.equal((await get("/me", bearer(token))).status, 200);
    await publishRevocation(
      gw.redis,
      { kind: "sid", id: "sess-logout" },
      Date.now() + 900_000,
      gw.prefix,
    );
    const started = Date.now();
    let res = await get("/me", bearer(token));
    while (res.status === 200 && Date.now() - started < 1000) {
      await sleep(20);
      res = await get("/me", bearer(token));
    }
    assert.ok(Date.now() - started < 1000, "revocation took longer than a second");
    await expectProblem(res, 401, "AUTH_SESSION_REVOKED");
  });

  it("rejects every token of a deleted member issued before the deletion", async () => {
    const token = await issuer.token({ sub: "member-deleted" });
    assert.equal((await get("/me", bearer(token))).status, 200);
    await publishRevocation(
      gw.redis,
      { kind: "sub", id: "member-deleted", at: Math.floor(Date.now() / 1000) },
      Date.now() + 900_000,
      gw.prefix,
    );
    await sleep(200);
    await expectProblem(await get("/me", bearer(token)), 401, "AUTH_SESSION_REVOKED");
  });

  it("never routes /internal/*, even when the file lists it", async () => {
    await expectProblem(await get("/internal/credentials/verify"), 404, "ROUTE_NOT_FOUND");
    assert.equal(upstream.calls.filter((c) => c.url.startsWith("/internal")).length, 0);
  });
});
