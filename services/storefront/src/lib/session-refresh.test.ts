import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { json, startServer } from "./testing/http-server";
import { clientCredential, httpTransport } from "./api/upstream";
import { refreshSession } from "./session-refresh";

describe("refreshing a session against a real HTTP auth endpoint", () => {
  let auth: Awaited<ReturnType<typeof startServer>>;
  let mode: "ok" | "reused" | "down" = "ok";
  before(async () => {
    auth = await startServer(async (req, res) => {
      await new Promise((r) => setTimeout(r, 30));
      if (mode === "down")
        return json(
          res,
          503,
          { code: "DEPENDENCY_UNAVAILABLE", detail: "redis down" },
          "application/problem+json",
        );
      if (mode === "reused")
        return json(
          res,
          401,
          { code: "AUTH_REFRESH_REUSED", detail: "reused" },
          "application/problem+json",
        );
      const { refreshToken } = JSON.parse(req.body) as { refreshToken: string };
      json(res, 200, {
        accessToken: `access-for-${refreshToken}`,
        refreshToken: `${refreshToken}-next`,
        tokenType: "Bearer",
        expiresIn: 900,
        refreshExpiresIn: 1209600,
        user: null,
      });
    });
  });
  after(() => auth.close());

  const transport = () =>
    httpTransport(auth.url, { authorization: clientCredential("k".repeat(32)) });

  it("sends the refresh token with the storefront's client credential", async () => {
    mode = "ok";
    const outcome = await refreshSession(transport(), "r-solo");
    assert.equal(outcome.kind, "refreshed");
    const sent = auth.received.at(-1)!;
    assert.equal(sent.url, "/api/auth/refresh");
    assert.equal(
      sent.headers.authorization,
      `Basic ${Buffer.from(`storefront:${"k".repeat(32)}`).toString("base64")}`,
    );
    assert.deepEqual(JSON.parse(sent.body), { refreshToken: "r-solo" });
  });

  it("makes one refresh call for concurrent requests carrying the same refresh token", async () => {
    mode = "ok";
    const before = auth.received.length;
    const outcomes = await Promise.all(
      [1, 2, 3, 4, 5].map(() => refreshSession(transport(), "r-shared")),
    );
    assert.equal(auth.received.length - before, 1);
    for (const o of outcomes)
      assert.ok(o.kind === "refreshed" && o.tokens.refreshToken === "r-shared-next");
  });

  it("ends the session when auth rejects the refresh token, but not when auth is down", async () => {
    mode = "reused";
    assert.deepEqual(await refreshSession(transport(), "r-reused"), { kind: "ended" });
    mode = "down";
    assert.deepEqual(await refreshSession(transport(), "r-down"), { kind: "unavailable" });
    assert.deepEqual(
      await refreshSession(httpTransport("http://127.0.0.1:9", {}), "r-unreachable"),
      { kind: "unavailable" },
    );
  });
});
