/** Built-in warm-up: scheduled refreshes keep the configured paths hot, once per interval across processes. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sleep, startGateway, startUpstream, type TestGateway } from "../testing/harness.js";

const YAML = `
upstreams:
  bff: { timeout: 2s }
warmUp:
  interval: 500ms
  initialDelay: 50ms
  paths: [/api/home]
routes:
  - { id: home, path: /api/home, methods: [GET], upstream: bff, policy: public, cache: { ttl: 300s } }
`;

describe("cache warm-up", () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let gw: TestGateway;
  let twin: TestGateway;

  before(async () => {
    upstream = await startUpstream((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"home":true}'),
    );
    const options = { upstreams: { bff: upstream.url }, env: { ENABLE_WARM_UP: "true" } };
    gw = await startGateway(YAML, options);
    twin = await startGateway(YAML, {
      ...options,
      env: { ...options.env, REDIS_PREFIX: gw.prefix },
    });
  });
  after(async () => {
    await twin.close({ keepKeys: true });
    await gw.close();
    await upstream.close();
  });

  it("refreshes the configured paths on schedule, one process per interval, so visitors hit", async () => {
    await sleep(1_400);
    const warmUps = upstream.calls.filter(
      (c) => c.headers["user-agent"] === "shop-gateway-warm-up",
    );
    // Two processes over ~2.7 intervals: about one refresh per interval, not one per process.
    assert.ok(warmUps.length >= 2 && warmUps.length <= 4, `${warmUps.length} warm-up calls`);
    assert.equal(upstream.calls.length, warmUps.length);
    const res = await fetch(`${gw.url}/api/home`);
    assert.equal(res.headers.get("x-cache-status"), "HIT");
    assert.equal(upstream.calls.length, warmUps.length);
  });
});
