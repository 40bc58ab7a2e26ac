/** Built-in warm-up: scheduled refreshes keep the configured paths hot, once per interval across processes. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { waitFor } from "@shop/test-kit";
import { startGateway, startUpstream, type TestGateway } from "../testing/harness.js";

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

const WARM_UP_AGENT = "shop-gateway-warm-up";
/** Warm-up calls to wait for: with two processes ticking every 500 ms, uncoordinated refreshes
 * would arrive about every 250 ms. */
const REFRESHES = 9;

describe("cache warm-up", () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  /** When each warm-up call reached the upstream (performance.now()). */
  const arrivals: number[] = [];
  let gw: TestGateway;
  let twin: TestGateway;

  before(async () => {
    upstream = await startUpstream((req, res) => {
      if (req.headers["user-agent"] === WARM_UP_AGENT) arrivals.push(performance.now());
      res.writeHead(200, { "content-type": "application/json" }).end('{"home":true}');
    });
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
    // Enough refreshes to tell one per interval from one per process per interval.
    await waitFor(async () => arrivals.length >= REFRESHES || undefined, 20_000);
    const seen = arrivals.slice(0, REFRESHES);
    const span = seen.at(-1)! - seen[0]!;
    // The lock lets one refresh through per 450 ms (0.9 × the interval) across both processes; a
    // delayed first or last tick on a loaded machine can shorten the span by up to a second.
    const allowed = Math.floor((span + 1_000) / 450) + 1;
    assert.ok(
      REFRESHES <= allowed,
      `${REFRESHES} refreshes in ${Math.round(span)} ms: more than one per interval (at most ${allowed})`,
    );
    const res = await fetch(`${gw.url}/api/home`);
    assert.equal(res.headers.get("x-cache-status"), "HIT");
    const visitors = upstream.calls.filter((c) => c.headers["user-agent"] !== WARM_UP_AGENT);
    assert.deepEqual(visitors, [], "only the warm-up reached the upstream");
  });
});
