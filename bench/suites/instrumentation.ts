/**
 * Issue 9's benchmark: what instrumentation costs. The edge proxy and the gateway are each started
 * twice beside the bench stack (lib/instrumented.ts), METRICS=true and METRICS=false, tracing off
 * (no OTLP endpoint); then, at 100 connections like the other suites:
 *   - the edge's HTML-cache HIT of `/` (gzip, as browsers ask), the page purged and refilled before
 *     each round so no entry expires inside one;
 *   - the gateway pass-through of the gateway suite: GET /bench/echo with a real guest token
 *     (verified against the stack's JWKS) and the Redis rate limit charged, to the bare upstream.
 * Rounds alternate on→off and off→on (twice the run's --rounds per variant), and the cost judged
 * is the median of each round's pair, so drift of the shared machine falls on both alike. Each
 * instance's /metrics is read at the end: the "on" one must have counted the requests and the
 * "off" one none, or the comparison measures nothing and the suite fails.
 */
import { load, pgidOf, waitIdle, warmUp, type BenchContext } from "../lib/context.js";
import { groupCpuSeconds } from "../lib/cpu.js";
import { startInstrumented, type Instrumented, type Pair } from "../lib/instrumented.js";
import {
  costIncrease,
  roundOrder,
  signedPct,
  sumSamples,
  throughputOverhead,
} from "../lib/overhead.js";
import type { Variant } from "../lib/overhead.js";
import {
  toFigure,
  type InstrumentationSuite,
  type InstrumentedPair,
  type Figure,
} from "../lib/results.js";
import { guestToken, probe } from "../lib/stack.js";
import { medianResult, type LoadOptions, type LoadResult } from "../lib/wrk.js";
import { untilHit } from "./home-page.js";

const CONNECTIONS = 100;
/** The RED histogram every part fills per request it serves. */
const REQUESTS_METRIC = "http_server_request_duration_seconds_count";

export async function instrumentationSuite(ctx: BenchContext): Promise<InstrumentationSuite> {
  ctx.progress("instrumentation: starting the edge proxy and the gateway with METRICS on and off");
  const started = await startInstrumented(ctx);
  try {
    return await measure(ctx, started);
  } finally {
    await started.stop();
  }
}

async function measure(ctx: BenchContext, started: Instrumented): Promise<InstrumentationSuite> {
  const { edge, gateway } = started;
  const gzip = { "accept-encoding": "gzip" };
  const token = await guestToken(ctx.stack);
  const auth = { authorization: `Bearer ${token}` };
  const internal = { "x-internal-key": ctx.stack.secrets.INTERNAL_KEY };
  const metricsAuth = { authorization: `Bearer ${ctx.stack.secrets.METRICS_TOKEN}` };
  const variants: Variant[] = ["on", "off"];

  // Like for like: both edges serve the same page as a HIT, both gateways verify and rate-limit.
  const pageBytes: Record<Variant, number> = { on: 0, off: 0 };
  for (const v of variants) {
    pageBytes[v] = await untilHit(`${edge[v]}/`, "x-cache", gzip);
    const pass = await probe(`${gateway[v]}/bench/echo`, auth);
    if (pass.status !== 200 || !pass.headers.get("ratelimit"))
      throw new Error(
        `gateway (metrics ${v}) answered ${pass.status} without a RateLimit header: limiter not active?`,
      );
    const anonymous = await probe(`${gateway[v]}/bench/echo`);
    if (anonymous.status !== 401)
      throw new Error(
        `gateway (metrics ${v}) let a call without a token through (${anonymous.status})`,
      );
  }
  ctx.progress(
    `instrumentation: edge HIT of / is ${pageBytes.on} B gzip (on) and ${pageBytes.off} B (off)`,
  );

  const storefront = pgidOf(ctx, "storefront");
  const refill = async (base: string) => {
    const res = await fetch(`${base}/_edge/purge`, {
      method: "POST",
      headers: { ...internal, "content-type": "application/json" },
      body: JSON.stringify({ paths: ["/"] }),
    });
    if (!res.ok) throw new Error(`purge at ${base}: ${res.status} ${await res.text()}`);
    await untilHit(`${base}/`, "x-cache", gzip);
    await waitIdle(storefront, 30_000);
  };
  const edgeOptions = (v: Variant): Omit<LoadOptions, "seconds"> => ({
    url: `${edge[v]}/`,
    connections: CONNECTIONS,
    headers: gzip,
  });
  const gatewayOptions = (v: Variant): Omit<LoadOptions, "seconds"> => ({
    url: `${gateway[v]}/bench/echo`,
    connections: CONNECTIONS,
    headers: auth,
  });

  const rounds = ctx.settings.rounds * 2;
  const { seconds } = ctx.settings;
  const runRounds = async (
    name: string,
    options: (v: Variant) => Omit<LoadOptions, "seconds">,
    before: (v: Variant) => Promise<void>,
    pgid: Record<Variant, number>,
  ) => {
    if (!pgid.on || !pgid.off) throw new Error(`${name}: an instance has no process id`);
    ctx.progress(`instrumentation, ${name}: warming up`);
    for (const v of variants) {
      await before(v);
      await warmUp(ctx, options(v));
    }
    const runs: Record<Variant, LoadResult[]> = { on: [], off: [] };
    const cpuUs: Record<Variant, number[]> = { on: [], off: [] };
    for (let round = 1; round <= rounds; round++) {
      ctx.progress(
        `instrumentation, ${name}, ${CONNECTIONS} connections, round ${round}/${rounds}`,
      );
      for (const v of roundOrder(round)) {
        await before(v);
        const cpu0 = groupCpuSeconds(pgid[v]);
        const result = await load(ctx, `METRICS=${v === "on" ? "true " : "false"}`, {
          ...options(v),
          seconds,
        });
        const cpu = groupCpuSeconds(pgid[v]) - cpu0;
        runs[v].push(result);
        cpuUs[v].push(result.requests > 0 ? Math.round((cpu / result.requests) * 1e7) / 10 : NaN);
      }
    }
    const on = toFigure(medianResult(runs.on));
    const off = toFigure(medianResult(runs.off));
    const o = throughputOverhead(on.roundsRps, off.roundsRps);
    const c = costIncrease(cpuUs.on, cpuUs.off);
    ctx.progress(
      `  ${name}: throughput cost ${signedPct(o.median)} (per round ${o.perRound.map(signedPct).join(" / ")}); ` +
        `CPU per request ${signedPct(c.median)} (per round ${c.perRound.map(signedPct).join(" / ")})`,
    );
    return { on, off, cpuUsPerRequest: cpuUs };
  };

  const edgeFigures = await runRounds(
    "edge HIT",
    edgeOptions,
    (v) => refill(edge[v]),
    started.pgid.edge,
  );
  const gatewayFigures = await runRounds(
    "gateway pass-through",
    gatewayOptions,
    async () => {},
    started.pgid.gateway,
  );

  return {
    connections: CONNECTIONS,
    rounds,
    pageBytes: pageBytes.on,
    edgeHit: await observed("edge", edge, edgeFigures, metricsAuth),
    passThrough: await observed("gateway", gateway, gatewayFigures, metricsAuth),
  };
}

/** Reads both instances' /metrics: proof that "on" observed the load and "off" observed nothing. */
async function observed(
  name: string,
  pair: Pair,
  figures: { on: Figure; off: Figure; cpuUsPerRequest: InstrumentedPair["cpuUsPerRequest"] },
  headers: Record<string, string>,
): Promise<InstrumentedPair> {
  const scrape = async (v: Variant) => {
    const t0 = performance.now();
    const res = await fetch(`${pair[v]}/metrics`, { headers });
    const text = await res.text();
    const ms = Math.round((performance.now() - t0) * 10) / 10;
    if (!res.ok)
      throw new Error(`${name} (metrics ${v}) GET /metrics: ${res.status} ${text.slice(0, 200)}`);
    return { text, ms, bytes: Buffer.byteLength(text) };
  };
  const on = await scrape("on");
  const off = await scrape("off");
  const counted = {
    on: sumSamples(on.text, REQUESTS_METRIC),
    off: sumSamples(off.text, REQUESTS_METRIC),
  };
  if (counted.on < figures.on.requests)
    throw new Error(
      `${name} with METRICS=true counted ${counted.on} requests, fewer than its median round alone (${figures.on.requests}): not observing?`,
    );
  if (counted.off !== 0)
    throw new Error(
      `${name} with METRICS=false still counted ${counted.off} requests: the switch does not work`,
    );
  return { ...figures, observed: counted, scrape: { ms: on.ms, bytes: on.bytes } };
}
