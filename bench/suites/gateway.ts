/**
 * Issue 5, benchmark 2 (and issue 4's closing figures): a small authenticated GET through a gateway
 * (real guest token verified against the stack's JWKS, Redis rate limit on) vs nginx as a plain
 * reverse proxy vs the bare upstream alone; the stack gateway's cached /api/home HIT vs the bare
 * upstream serving the same bytes; and the latency of a cached and an uncached /api/home, one
 * request at a time.
 */
import { load, warmUp, type BenchContext } from "../lib/context.js";
import { toFigure, type GatewaySuite } from "../lib/results.js";
import { runSequential } from "../lib/load-client.js";
import { guestToken, probe } from "../lib/stack.js";
import { medianResult, type LoadOptions, type LoadResult } from "../lib/wrk.js";

const CONNECTIONS = 100;
/** Per round; three rounds stay well under the 600 a minute the gateway allows one caller. */
const UNCACHED_REQUESTS = 100;

export async function gatewaySuite(ctx: BenchContext): Promise<GatewaySuite> {
  const token = await guestToken(ctx.stack);
  const auth = { authorization: `Bearer ${token}` };
  const home = `${ctx.stack.urls.gateway}/api/home`;
  const targets: Record<string, Omit<LoadOptions, "seconds">> = {
    bare: { url: `${ctx.extra.echo}/bench/echo`, connections: CONNECTIONS, headers: auth },
    nginx: { url: `${ctx.extra.nginxApi}/bench/echo`, connections: CONNECTIONS, headers: auth },
    minimalProxy: {
      url: `${ctx.extra.minimalProxy}/bench/echo`,
      connections: CONNECTIONS,
      headers: auth,
    },
    passThrough: {
      url: `${ctx.extra.gateway}/bench/echo`,
      connections: CONNECTIONS,
      headers: auth,
    },
    bareHome: { url: `${ctx.extra.echo}/bench/home`, connections: CONNECTIONS },
    cachedHit: { url: home, connections: CONNECTIONS },
  };

  const pass = await probe(targets.passThrough!.url, auth);
  const rateLimitHeader = pass.headers.get("ratelimit") ?? "";
  if (pass.status !== 200 || !rateLimitHeader) {
    throw new Error(
      `gateway pass-through answered ${pass.status} without a RateLimit header: limiter not active?`,
    );
  }
  const anonymous = await probe(targets.passThrough!.url);
  if (anonymous.status !== 401)
    throw new Error(
      `the pass-through route let a call without a token through (${anonymous.status})`,
    );
  await probe(home);
  const hit = await probe(home);
  if (hit.headers.get("x-cache-status") !== "HIT") {
    throw new Error(
      `/api/home through the gateway is not a cache HIT (${hit.headers.get("x-cache-status")})`,
    );
  }
  ctx.progress(
    `gateway: pass-through answers with RateLimit ${rateLimitHeader}; /api/home is ${hit.bytes} bytes`,
  );

  ctx.progress("gateway: warming up");
  for (const options of Object.values(targets)) await warmUp(ctx, options);
  const runs: Record<string, LoadResult[]> = Object.fromEntries(
    Object.keys(targets).map((k) => [k, []]),
  );
  const { rounds, seconds } = ctx.settings;
  for (let round = 1; round <= rounds; round++) {
    ctx.progress(`gateway at ${CONNECTIONS} connections, round ${round}/${rounds}`);
    for (const [name, options] of Object.entries(targets)) {
      runs[name]!.push(await load(ctx, name.padEnd(11), { ...options, seconds }));
    }
  }

  // Issue 4: one request at a time. Cached: wrk on one connection. Uncached: X-Cache-Refresh from
  // an internal caller sends every request to the BFF (and stores the fresh answer), which is what
  // a miss costs; those requests are charged to the route's rate limit (600 a minute by default),
  // so they are a bounded count from load/sequential.ts instead of a timed wrk run.
  const refresh = { "x-cache-refresh": "true", "x-internal-key": ctx.stack.secrets.INTERNAL_KEY };
  const check = await probe(home, refresh);
  if (check.headers.get("x-cache-status") !== "REFRESH") {
    throw new Error(
      `X-Cache-Refresh with the internal key did not refresh (${check.headers.get("x-cache-status")})`,
    );
  }
  const latency = { cached: [] as LoadResult[], uncached: [] as LoadResult[] };
  const latencySeconds = Math.max(2, Math.min(seconds, 4));
  for (let round = 1; round <= rounds; round++) {
    ctx.progress(`/api/home latency, one connection, round ${round}/${rounds}`);
    latency.cached.push(
      await load(ctx, "cached  ", { url: home, connections: 1, seconds: latencySeconds }),
    );
    const miss = await runSequential({ url: home, count: UNCACHED_REQUESTS, headers: refresh });
    const ok = Object.entries(miss.statuses).reduce(
      (n, [s, c]) => (s.startsWith("2") ? n + c : n),
      0,
    );
    ctx.progress(
      `  uncached: ${miss.count} sequential refreshes, p50 ${miss.latencyMs.p50} ms, p99 ${miss.latencyMs.p99} ms, ` +
        `statuses ${JSON.stringify(miss.statuses)}`,
    );
    if (ok !== miss.count)
      throw new Error(`uncached /api/home answered ${JSON.stringify(miss.statuses)}`);
    latency.uncached.push({
      requestsPerSec: miss.requestsPerSec,
      p50Ms: miss.latencyMs.p50,
      p99Ms: miss.latencyMs.p99,
      non2xx: 0,
      errors: 0,
      timeouts: 0,
      requests: miss.count,
    });
  }
  const figure = (name: string) => toFigure(medianResult(runs[name]!));
  return {
    homeBytes: hit.bytes,
    rateLimitHeader,
    bare: figure("bare"),
    nginx: figure("nginx"),
    minimalProxy: figure("minimalProxy"),
    passThrough: figure("passThrough"),
    bareHome: figure("bareHome"),
    cachedHit: figure("cachedHit"),
    homeLatency: {
      cached: toFigure(medianResult(latency.cached)),
      uncached: toFigure(medianResult(latency.uncached)),
    },
  };
}
