/** What one benchmark run produces, and how its figures are judged against the goals. */
import type { MedianResult } from "./wrk.js";
import type { EdgeCounters } from "./stack.js";
import { costIncrease, median, signedPct, throughputOverhead } from "./overhead.js";

/** A load figure as stored: the median round plus each round's throughput. */
export interface Figure {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  roundsRps: number[];
}

export function toFigure(m: MedianResult): Figure {
  const r1 = (n: number) => Math.round(n * 10) / 10;
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    rps: Math.round(m.requestsPerSec),
    p50Ms: r2(m.p50Ms),
    p99Ms: r2(m.p99Ms),
    requests: m.requests,
    errors: m.errors,
    timeouts: m.timeouts,
    non2xx: m.non2xx,
    roundsRps: m.rounds.map((r) => r1(r.requestsPerSec)),
  };
}

export interface HomeLevel {
  connections: number;
  /** What the load asked for: gzip (as browsers do) or identity. */
  encoding: "gzip" | "identity";
  edge: Figure;
  nginx: Figure;
  /** Not measured on the identity level. */
  storefront?: Figure;
}

export interface HomeSuite {
  /** Bytes of one answer (gzip where asked) and of the uncompressed page. */
  pageBytes: { edge: number; nginx: number; storefront: number; identity: number };
  /** The storefront at 10 connections, gzip: the throughput it can sustain. */
  storefrontCapacity: Figure;
  levels: HomeLevel[];
}

export interface GatewaySuite {
  homeBytes: number;
  /** The RateLimit header the pass-through answered with (proof the limiter ran). */
  rateLimitHeader: string;
  bare: Figure;
  nginx: Figure;
  /** node:http + undici Pool and nothing else: the floor of a Node.js proxy (reference). */
  minimalProxy: Figure;
  passThrough: Figure;
  bareHome: Figure;
  cachedHit: Figure;
  /** Issue 4: /api/home through the gateway, one connection at a time. */
  homeLatency: { cached: Figure; uncached: Figure };
}

export interface StampedeRound {
  requests: number;
  statuses: Record<string, number>;
  xCache: Record<string, number>;
  renders: number;
  edge: EdgeCounters;
  latencyMs: { p50: number; p99: number; max: number };
  connectMs: number;
}

export interface StampedeSuite {
  rounds: StampedeRound[];
  passed: boolean;
}

export interface IdempotencyPhase {
  requests: number;
  statuses: Record<string, number>;
  replayed: number;
  executions: number;
}

export interface IdempotencySuite {
  rounds: Array<{ concurrent: IdempotencyPhase; afterwards: IdempotencyPhase }>;
  passed: boolean;
}

export interface HitRatioSuite {
  seconds: number;
  visitors: number;
  thinkMs: [number, number];
  distinctUrls: number;
  requests: Record<string, number>;
  statuses: Record<string, number>;
  gatewayCache: Record<string, number>;
  rps: number;
  edge: EdgeCounters;
  storefront: {
    cpuSeconds: number;
    cpuMsPerPage: number;
    cpuMsPerRsc: number;
    withoutCacheSeconds: number;
    savedSeconds: number;
    savedShare: number;
  };
  edgeCpuSeconds: number;
}

/** One part started twice, METRICS=true and METRICS=false, loaded in interleaved rounds. */
export interface InstrumentedPair {
  on: Figure;
  off: Figure;
  /** Requests the part's own RED histogram counted by the end (`_count` summed): > 0 on, 0 off. */
  observed: { on: number; off: number };
  /** One GET /metrics of the "on" instance after its rounds: time and size. */
  scrape: { ms: number; bytes: number };
  /** CPU time of the instance's process group per request served, µs, in each round. */
  cpuUsPerRequest: { on: number[]; off: number[] };
}

/** Issue 9: what instrumentation costs on the edge HIT and the gateway pass-through. */
export interface InstrumentationSuite {
  connections: number;
  /** Rounds per variant (each round runs both, in alternating order). */
  rounds: number;
  /** Bytes of one gzip answer of `/` from the edge. */
  pageBytes: number;
  edgeHit: InstrumentedPair;
  passThrough: InstrumentedPair;
}

export interface Goal {
  id: string;
  goal: string;
  target: string;
  measured: string;
  pass: boolean;
}

export interface RunResult {
  at: string;
  durationSeconds: number;
  machine: Record<string, unknown>;
  settings: { rounds: number; seconds: number; mixSeconds: number };
  home?: HomeSuite;
  gateway?: GatewaySuite;
  stampede?: StampedeSuite;
  idempotency?: IdempotencySuite;
  hitRatio?: HitRatioSuite;
  instrumentation?: InstrumentationSuite;
  goals: Goal[];
  notes: string[];
}

/** One decimal, so a ratio just under a goal never prints as the goal itself (74.6 %, not 75 %). */
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
/** The ratio in each round (the two loads ran seconds apart): shows how much drift moved it. */
const perRound = (a: Figure, b: Figure) =>
  a.roundsRps.map((x, i) => Math.round(ratio(x, b.roundsRps[i] ?? NaN) * 100)).join(" / ");

/** Every goal of issue 5 that the figures of this run can be judged against. */
export function evaluateGoals(run: Omit<RunResult, "goals">): Goal[] {
  const goals: Goal[] = [];
  for (const level of run.home?.levels ?? []) {
    if (level.encoding !== "gzip" || !level.storefront) continue;
    const c = level.connections;
    const vsNginx = ratio(level.edge.rps, level.nginx.rps);
    // Judged against the best the storefront showed (its 10-connection capacity, or this level).
    const atLevel = level.storefront.rps;
    const origin = Math.max(atLevel, run.home?.storefrontCapacity.rps ?? 0);
    const vsOrigin = ratio(level.edge.rps, origin);
    goals.push(
      {
        id: `home-vs-nginx-c${c}`,
        goal: `Home HIT throughput vs nginx proxy_cache (${c} conn.)`,
        target: "≥ 80 %",
        measured: `${pct(vsNginx)} (${level.edge.rps} vs ${level.nginx.rps} req/s; per round ${perRound(level.edge, level.nginx)} %)`,
        pass: vsNginx >= 0.8,
      },
      {
        id: `home-vs-storefront-c${c}`,
        goal: `Home HIT throughput vs the storefront itself (${c} conn.)`,
        target: "≥ 5×",
        measured:
          `${vsOrigin.toFixed(0)}× (${level.edge.rps} vs ${origin} req/s, the storefront's best; ` +
          `it completed ${atLevel} req/s at ${c} conn.)`,
        pass: vsOrigin >= 5,
      },
    );
    if (c === 100) {
      goals.push({
        id: "home-p99-c100",
        goal: "Home HIT p99 latency (100 conn.)",
        target: "≤ 10 ms",
        measured: `${level.edge.p99Ms} ms (nginx ${level.nginx.p99Ms} ms)`,
        pass: level.edge.p99Ms <= 10,
      });
    }
  }
  const gw = run.gateway;
  if (gw) {
    const pass = ratio(gw.passThrough.rps, gw.nginx.rps);
    const hit = ratio(gw.cachedHit.rps, gw.bareHome.rps);
    goals.push(
      {
        id: "gateway-pass-vs-nginx",
        goal: "Gateway pass-through (token + rate limit) vs nginx plain proxy",
        target: "≥ 80 %",
        measured: `${pct(pass)} (${gw.passThrough.rps} vs ${gw.nginx.rps} req/s; per round ${perRound(gw.passThrough, gw.nginx)} %)`,
        pass: pass >= 0.8,
      },
      {
        id: "gateway-hit-vs-bare",
        goal: "Gateway cached /api/home HIT vs the bare server (same body)",
        target: "≥ 75 %",
        measured: `${pct(hit)} (${gw.cachedHit.rps} vs ${gw.bareHome.rps} req/s; per round ${perRound(gw.cachedHit, gw.bareHome)} %)`,
        pass: hit >= 0.75,
      },
    );
  }
  const inst = run.instrumentation;
  if (inst) {
    const cost = (id: string, goal: string, limit: number, pair: InstrumentedPair): Goal => {
      const o = throughputOverhead(pair.on.roundsRps, pair.off.roundsRps);
      const cpu = costIncrease(pair.cpuUsPerRequest.on, pair.cpuUsPerRequest.off);
      const us = (xs: number[]) => Math.round(median(xs) * 10) / 10;
      return {
        id,
        goal,
        target: `≤ ${limit * 100} %`,
        measured:
          `${signedPct(o.median)} (median of the per-round pairs; on ${pair.on.rps} vs off ${pair.off.rps} req/s, ` +
          `${signedPct(o.ofMedians)} of the medians; per round ${o.perRound.map(signedPct).join(" / ")}); ` +
          `CPU per request ${signedPct(cpu.median)} (${us(pair.cpuUsPerRequest.on)} vs ${us(pair.cpuUsPerRequest.off)} µs)`,
        pass: o.median <= limit,
      };
    };
    goals.push(
      cost(
        "instrumentation-edge-hit",
        `Instrumentation cost on the edge HIT, METRICS on vs off (${inst.connections} conn.)`,
        0.05,
        inst.edgeHit,
      ),
      cost(
        "instrumentation-gateway-pass",
        `Instrumentation cost on the gateway pass-through, METRICS on vs off (${inst.connections} conn.)`,
        0.1,
        inst.passThrough,
      ),
    );
  }
  if (run.stampede) {
    const renders = run.stampede.rounds.map((r) => r.renders);
    goals.push({
      id: "stampede-one-render",
      goal: `Stampede: ${run.stampede.rounds[0]?.requests ?? 0} concurrent requests for a purged home page`,
      target: "1 render",
      measured: `renders per round: ${renders.join(", ")}`,
      pass: run.stampede.passed,
    });
  }
  if (run.idempotency) {
    const executions = run.idempotency.rounds.map((r) => r.concurrent.executions);
    goals.push({
      id: "idempotency-one-execution",
      goal: `Idempotency: ${run.idempotency.rounds[0]?.concurrent.requests ?? 0} concurrent POSTs, one key`,
      target: "1 execution; rest 409 or replay",
      measured: `executions per round: ${executions.join(", ")}`,
      pass: run.idempotency.passed,
    });
  }
  return goals;
}
