/** Environment: defaults, upstream URLs collected from <NAME>_URL, production refuses default secrets. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseGatewayFile } from "./gateway-file/load.js";
import { DEV_INTERNAL_KEY, loadGatewayEnv } from "./config.js";
import { createUpstreams, upstreamUrl } from "./upstreams/upstreams.js";

describe("gateway environment", () => {
  it("has development defaults and collects upstream URLs", () => {
    const env = loadGatewayEnv({ BFF_URL: "http://bff.internal:3001", GATEWAY_CONFIG: "" });
    assert.equal(env.PORT, 8000);
    assert.equal(env.INTERNAL_KEY, DEV_INTERNAL_KEY);
    assert.match(env.GATEWAY_CONFIG, /gateway\.yaml$/);
    assert.equal(env.upstreamUrls.BFF_URL, "http://bff.internal:3001");
    assert.equal(
      upstreamUrl("bff", "http://127.0.0.1:3001", env.upstreamUrls),
      "http://bff.internal:3001/",
    );
    assert.equal(upstreamUrl("bff", "http://127.0.0.1:3001", {}), "http://127.0.0.1:3001/");
  });

  it("names the bad variable", () => {
    assert.throws(() => loadGatewayEnv({ PORT: "eighty" }), /PORT/);
    assert.throws(() => loadGatewayEnv({ REDIS_URL: "localhost" }), /REDIS_URL/);
    assert.throws(() => upstreamUrl("order", undefined, {}), /set ORDER_URL/);
    const file = parseGatewayFile(
      `upstreams:\n  order: {}\nroutes:\n  - { path: /x, methods: [GET], upstream: order, policy: public }\n`,
    );
    assert.throws(() => createUpstreams(file, {}), /set ORDER_URL/);
  });

  it("refuses the default internal key in production", () => {
    assert.throws(() => loadGatewayEnv({ NODE_ENV: "production" }), /INTERNAL_KEY/);
    assert.throws(
      () => loadGatewayEnv({ NODE_ENV: "production", INTERNAL_KEY: "short" }),
      /at least 32/,
    );
    const env = loadGatewayEnv({ NODE_ENV: "production", INTERNAL_KEY: "k".repeat(40) });
    assert.equal(env.NODE_ENV, "production");
  });
});
