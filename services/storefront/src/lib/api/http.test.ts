import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, json } from "../testing/http-server";
import { httpTransport } from "./upstream";
import { ApiError, request, withQuery } from "./http";

describe("withQuery", () => {
  it("leaves out empty values and keeps the rest in order", () => {
    assert.equal(
      withQuery("/api/categories", {
        category: "shoes",
        q: "",
        page: 2,
        onSale: undefined,
        x: null,
      }),
      "/api/categories?category=shoes&page=2",
    );
    assert.equal(withQuery("/api/cart"), "/api/cart");
  });
});

describe("request over real HTTP", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer((req, res) => {
      if (req.url === "/ok") return json(res, 200, { value: 42 });
      if (req.url === "/empty") {
        res.writeHead(204);
        return res.end();
      }
      if (req.url === "/invalid") {
        return json(
          res,
          400,
          {
            type: "/problems/validation-failed",
            title: "The request is not valid",
            status: 400,
            detail: "2 fields are not valid",
            code: "VALIDATION_FAILED",
            requestId: "r-1",
            errors: [
              { field: "email", message: "Enter a valid email address" },
              { field: "password", message: "too short" },
              { bogus: true },
            ],
          },
          "application/problem+json",
        );
      }
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>bad gateway</html>");
    });
  });
  after(() => server.close());

  it("maps a 2xx JSON body and sends JSON with the extra headers", async () => {
    const t = httpTransport(server.url, { "x-request-id": "abc", authorization: "Bearer t" });
    const value = await request(
      t,
      "/ok",
      { method: "POST", json: { a: 1 } },
      (w) => (w as { value: number }).value,
    );
    assert.equal(value, 42);
    const sent = server.received.at(-1)!;
    assert.equal(sent.headers["content-type"], "application/json");
    assert.equal(sent.headers["x-request-id"], "abc");
    assert.equal(sent.headers.authorization, "Bearer t");
    assert.equal(sent.body, '{"a":1}');
  });

  it("a header set by the call wins over the transport's", async () => {
    const t = httpTransport(server.url, { authorization: "Basic client" });
    await request(t, "/ok", { headers: { authorization: "Bearer mine" } }, () => undefined);
    assert.equal(server.received.at(-1)!.headers.authorization, "Bearer mine");
  });

  it("hands undefined to the mapper for 204", async () => {
    const seen = await request(
      httpTransport(server.url, {}),
      "/empty",
      { method: "DELETE" },
      (w) => w,
    );
    assert.equal(seen, undefined);
  });

  it("turns problem details into an ApiError with field errors", async () => {
    const error = await request(httpTransport(server.url, {}), "/invalid", {}, () => 0).catch(
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.equal(error.code, "VALIDATION_FAILED");
    assert.equal(error.requestId, "r-1");
    assert.deepEqual(error.byField(), {
      email: "Enter a valid email address",
      password: "too short",
    });
  });

  it("keeps the status of a non-JSON error answer", async () => {
    const error = await request(httpTransport(server.url, {}), "/html", {}, () => 0).catch(
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 502);
    assert.equal(error.code, "HTTP_502");
  });

  it("reports an unreachable upstream as UPSTREAM_UNAVAILABLE", async () => {
    const error = await request(httpTransport("http://127.0.0.1:9", {}), "/ok", {}, () => 0).catch(
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 503);
    assert.equal(error.code, "UPSTREAM_UNAVAILABLE");
  });
});
