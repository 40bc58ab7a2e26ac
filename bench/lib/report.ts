/**
 * Writes a run's results: bench/results/latest.json and latest.md, one line appended to
 * history.jsonl, and the "Benchmarks" section of the root README (between its markers).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { costIncrease, median, signedPct, throughputOverhead } from "./overhead.js";
import type {
  Figure,
  GatewaySuite,
  Goal,
  HitRatioSuite,
  HomeSuite,
  InstrumentationSuite,
  RunResult,
} from "./results.js";

export const START_MARKER = "<!-- bench:start -->";
export const END_MARKER = "<!-- bench:end -->";

const row = (cells: Array<string | number>) => `| ${cells.join(" | ")} |`;
const header = (cells: string[]) => [row(cells), row(cells.map(() => "---"))];
const ms = (n: number) => (Number.isFinite(n) ? `${n}` : "–");
const share = (x: number) => `${Math.round(x * 1000) / 10} %`;

function errorsNote(f: Figure): string {
  if (f.requests === 0) return "no answer completed within the round";
  const parts: string[] = [];
  if (f.timeouts) parts.push(`${f.timeouts} timeouts`);
  if (f.errors - f.timeouts) parts.push(`${f.errors - f.timeouts} socket errors`);
  if (f.non2xx) parts.push(`${f.non2xx} non-2xx`);
  return parts.join(", ") || "–";
}

function figureRow(name: string, f: Figure): string {
  return row([name, f.rps, ms(f.p50Ms), ms(f.p99Ms), f.roundsRps.join(" / "), errorsNote(f)]);
}

export function goalsTable(goals: Goal[]): string[] {
  return [
    ...header(["goal", "target", "measured", "result"]),
    ...goals.map((g) => row([g.goal, g.target, g.measured, g.pass ? "pass" : "**FAIL**"])),
  ];
}

export function homeTable(home: HomeSuite): string[] {
  const lines = header(["home page `/`", "req/s", "p50 ms", "p99 ms", "rounds req/s", "errors"]);
  lines.push(
    figureRow("storefront directly, 10 conn., gzip (its capacity)", home.storefrontCapacity),
  );
  for (const level of home.levels) {
    const at = `${level.connections} conn., ${level.encoding}`;
    lines.push(
      figureRow(`edge-proxy HIT, ${at}`, level.edge),
      figureRow(`nginx proxy_cache HIT, ${at}`, level.nginx),
    );
    if (level.storefront) lines.push(figureRow(`storefront directly, ${at}`, level.storefront));
  }
  return lines;
}

export function gatewayTable(gw: GatewaySuite): string[] {
  return [
    ...header(["gateway (100 conn.)", "req/s", "p50 ms", "p99 ms", "rounds req/s", "errors"]),
    figureRow("bare node:http upstream, small JSON", gw.bare),
    figureRow("nginx plain reverse proxy → same upstream", gw.nginx),
    figureRow("minimal node:http + undici proxy → same upstream (reference)", gw.minimalProxy),
    figureRow("gateway pass-through (guest token + rate limit)", gw.passThrough),
    figureRow(`bare upstream serving the /api/home body (${gw.homeBytes} B)`, gw.bareHome),
    figureRow("gateway cached /api/home HIT", gw.cachedHit),
    figureRow("/api/home cached, 1 conn. (latency)", gw.homeLatency.cached),
    figureRow("/api/home uncached (X-Cache-Refresh), 100 in a row", gw.homeLatency.uncached),
  ];
}

/** Where the pass-through gap comes from: nginx vs bare, the Node floor vs nginx, the gateway vs that floor. */
export function gatewayRatios(gw: GatewaySuite): string {
  const r = (a: Figure, b: Figure) => `${Math.round((a.rps / b.rps) * 100)} %`;
  return (
    `Ratios: nginx = ${r(gw.nginx, gw.bare)} of the bare server; the minimal undici proxy = ` +
    `${r(gw.minimalProxy, gw.nginx)} of nginx; the gateway pass-through = ${r(gw.passThrough, gw.minimalProxy)} ` +
    `of the minimal proxy and ${r(gw.passThrough, gw.nginx)} of nginx. /api/home p50 through the gateway: ` +
    `${gw.homeLatency.cached.p50Ms} ms cached, ${gw.homeLatency.uncached.p50Ms} ms uncached.`
  );
}

export function instrumentationTable(inst: InstrumentationSuite): string[] {
  const c = `${inst.connections} conn.`;
  return [
    ...header([
      `instrumentation (${c}, ${inst.rounds} interleaved rounds each)`,
      "req/s",
      "p50 ms",
      "p99 ms",
      "rounds req/s",
      "errors",
    ]),
    figureRow("edge-proxy HIT `/`, gzip, METRICS=true", inst.edgeHit.on),
    figureRow("edge-proxy HIT `/`, gzip, METRICS=false", inst.edgeHit.off),
    figureRow("gateway pass-through (guest token + rate limit), METRICS=true", inst.passThrough.on),
    figureRow(
      "gateway pass-through (guest token + rate limit), METRICS=false",
      inst.passThrough.off,
    ),
  ];
}

/** The overhead per round, what each instance observed (proof the switch works) and a scrape's cost. */
export function instrumentationLines(inst: InstrumentationSuite): string {
  const part = (name: string, p: InstrumentationSuite["edgeHit"]) => {
    const o = throughputOverhead(p.on.roundsRps, p.off.roundsRps);
    const cpu = costIncrease(p.cpuUsPerRequest.on, p.cpuUsPerRequest.off);
    const us = (xs: number[]) => Math.round(median(xs) * 10) / 10;
    return (
      `${name}: throughput cost ${signedPct(o.median)} (per round ${o.perRound.map(signedPct).join(" / ")}); ` +
      `CPU per request ${us(p.cpuUsPerRequest.on)} µs on vs ${us(p.cpuUsPerRequest.off)} µs off, ${signedPct(cpu.median)} ` +
      `(per round ${cpu.perRound.map(signedPct).join(" / ")}); ` +
      `requests observed ${p.observed.on} on / ${p.observed.off} off, one scrape ${p.scrape.ms} ms for ${p.scrape.bytes} B`
    );
  };
  return (
    `${part("Edge HIT", inst.edgeHit)}. ${part("Gateway pass-through", inst.passThrough)}. ` +
    "Both variants are separate instances of the same code and configuration started side by side " +
    "(tracing off: no OTLP endpoint), loaded in alternating order; nothing scrapes them during the rounds. " +
    "CPU per request is the instance's process-group CPU time over the requests it served in the round: " +
    "less moved than throughput when other work shares the machine."
  );
}

export function hitRatioLines(h: HitRatioSuite): string[] {
  const s = h.storefront;
  return [
    `${h.visitors} simulated visitors, think time ${h.thinkMs[0]}–${h.thinkMs[1]} ms, ${h.seconds} s, ` +
      `${h.distinctUrls} distinct URLs from the seeded catalogue; ${h.rps} req/s overall.`,
    "",
    ...header(["figure", "value"]),
    row([
      "requests by kind",
      Object.entries(h.requests)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
    ]),
    row([
      "answers by status",
      Object.entries(h.statuses)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", "),
    ]),
    row([
      "edge HTML cache (hit / stale / collapsed / miss)",
      `${h.edge.hit} / ${h.edge.stale} / ${h.edge.collapsed} / ${h.edge.miss}`,
    ]),
    row(["**edge hit ratio** (cacheable page requests)", `**${share(h.edge.hitRatio)}**`]),
    row(["storefront renders for the edge", h.edge.renders]),
    row([
      "gateway X-Cache-Status of /api calls",
      Object.entries(h.gatewayCache)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "–",
    ]),
    row([
      "storefront CPU per render, measured directly",
      `${s.cpuMsPerPage} ms (page), ${s.cpuMsPerRsc} ms (RSC)`,
    ]),
    row(["storefront CPU without the edge cache (estimate)", `${s.withoutCacheSeconds} s`]),
    row(["storefront CPU during the run (measured)", `${s.cpuSeconds} s`]),
    row(["**storefront CPU saved**", `**${s.savedSeconds} s (${share(s.savedShare)})**`]),
    row(["edge-proxy CPU during the run", `${h.edgeCpuSeconds} s`]),
  ];
}

function machineLine(run: RunResult): string {
  const m = run.machine as Record<string, string | number | number[]>;
  const load = Array.isArray(m.loadAverage) ? m.loadAverage.join(" / ") : "?";
  return `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, ${m.nginx}, ${m.wrk}; load average at start ${load}`;
}

/** The whole latest.md. */
export function renderMarkdown(run: RunResult): string {
  const out = [
    "# Benchmark results",
    "",
    `Run ${run.at} (${Math.round(run.durationSeconds)} s). Machine: ${machineLine(run)}.`,
    `Each load figure is the median of ${run.settings.rounds} rounds of ${run.settings.seconds} s (wrk -t1 from a separate ` +
      "process); p50/p99 are the medians of the rounds' percentiles.",
    "",
    "## Goals",
    "",
    ...goalsTable(run.goals),
  ];
  if (run.home) {
    const b = run.home.pageBytes;
    out.push(
      "",
      "## 1. Home page: edge HIT vs nginx vs storefront",
      "",
      ...homeTable(run.home),
      "",
      `Answer size with gzip: edge ${b.edge} B, nginx ${b.nginx} B, storefront ${b.storefront} B; ` +
        `uncompressed ${b.identity} B. The storefront rows at 100 and 1000 connections count only ` +
        "answers completed within the round: it renders every request, so a queue of 100 or 1000 " +
        "takes longer than a round to drain; its capacity row is what it sustains.",
    );
  }
  if (run.gateway) {
    out.push("", "## 2. Gateway", "", ...gatewayTable(run.gateway), "", gatewayRatios(run.gateway));
  }
  if (run.stampede) {
    out.push(
      "",
      "## 3. Stampede",
      "",
      ...header(["round", "requests", "statuses", "X-Cache", "renders", "p50 / p99 ms"]),
    );
    run.stampede.rounds.forEach((r, i) =>
      out.push(
        row([
          i + 1,
          r.requests,
          fmtCounts(r.statuses),
          fmtCounts(r.xCache),
          r.renders,
          `${r.latencyMs.p50} / ${r.latencyMs.p99}`,
        ]),
      ),
    );
  }
  if (run.idempotency) {
    out.push(
      "",
      "## 4. Idempotency",
      "",
      ...header(["round", "phase", "requests", "statuses", "replayed", "upstream executions"]),
    );
    run.idempotency.rounds.forEach((r, i) => {
      const phase = (name: string, p: typeof r.concurrent) =>
        out.push(row([i + 1, name, p.requests, fmtCounts(p.statuses), p.replayed, p.executions]));
      phase("concurrent, first key use", r.concurrent);
      phase("same key again, after completion", r.afterwards);
    });
  }
  if (run.hitRatio)
    out.push("", "## 5. Hit ratio with a realistic mix", "", ...hitRatioLines(run.hitRatio));
  if (run.instrumentation) {
    const inst = run.instrumentation;
    out.push(
      "",
      "## 6. Instrumentation cost (METRICS on vs off)",
      "",
      ...instrumentationTable(inst),
      "",
      instrumentationLines(inst),
    );
  }
  if (run.notes.length) out.push("", "## Notes", "", ...run.notes.map((n) => `- ${n}`));
  return `${out.join("\n")}\n`;
}

function fmtCounts(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ") || "–"
  );
}

/** The README section (between the markers): the goals and the two headline tables. */
export function renderReadmeSection(run: RunResult): string {
  const lines = [
    START_MARKER,
    "",
    "## Benchmarks",
    "",
    "`npm run bench` starts its own bench stack (ports + 20000), measures the edge HTML cache and the gateway " +
      "against nginx and a bare server in the same run (wrk from a separate process, medians of rounds), and " +
      "writes [`bench/results/latest.md`](bench/results/latest.md). This section is rewritten by each run.",
    "",
    `Latest run: ${run.at.slice(0, 16).replace("T", " ")} UTC on ${machineLine(run)}. ` +
      "The machine is shared: throughput figures move with its load.",
    "",
    ...goalsTable(run.goals),
  ];
  if (run.home) lines.push("", ...homeTable(run.home));
  if (run.gateway) lines.push("", ...gatewayTable(run.gateway), "", gatewayRatios(run.gateway));
  if (run.hitRatio) {
    const h = run.hitRatio;
    lines.push(
      "",
      `Realistic mix (${h.visitors} visitors, ${h.seconds} s): edge hit ratio ${share(h.edge.hitRatio)}, ` +
        `storefront CPU saved ${h.storefront.savedSeconds} s of ${h.storefront.withoutCacheSeconds} s (${share(h.storefront.savedShare)}).`,
    );
  }
  if (run.instrumentation) lines.push("", ...instrumentationTable(run.instrumentation));
  lines.push("", END_MARKER);
  return lines.join("\n");
}

/** Replaces the marked section of `readme` (or appends it once at the end). */
export function spliceSection(readme: string, section: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start >= 0 && end > start)
    return readme.slice(0, start) + section + readme.slice(end + END_MARKER.length);
  return `${readme.replace(/\s*$/, "")}\n\n${section}\n`;
}

/** Compact figures for history.jsonl (one line per run, so runs can be compared later). */
export function historyLine(run: RunResult): string {
  return JSON.stringify({
    at: run.at,
    settings: run.settings,
    load: (run.machine as { loadAverage?: number[] }).loadAverage,
    goals: Object.fromEntries(run.goals.map((g) => [g.id, { measured: g.measured, pass: g.pass }])),
    hitRatio: run.hitRatio?.edge.hitRatio,
    cpuSaved: run.hitRatio?.storefront.savedShare,
    homeLatencyP50Ms: run.gateway && {
      cached: run.gateway.homeLatency.cached.p50Ms,
      uncached: run.gateway.homeLatency.uncached.p50Ms,
    },
  });
}

/** Writes latest.json, latest.md and the README section; `history: false` re-renders without a new history line. */
export async function writeResults(
  run: RunResult,
  repoRoot: string,
  write: { history?: boolean } = {},
): Promise<string[]> {
  const dir = join(repoRoot, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const files = [join(dir, "latest.json"), join(dir, "latest.md"), join(dir, "history.jsonl")];
  writeFileSync(files[0]!, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(files[1]!, renderMarkdown(run));
  if (write.history !== false) appendFileSync(files[2]!, `${historyLine(run)}\n`);
  const readmePath = join(repoRoot, "README.md");
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "";
  // The README is checked by prettier: the section is written the way prettier formats it (tables
  // aligned); the rest of the README is left exactly as it is.
  const options = (await prettier.resolveConfig(readmePath)) ?? {};
  const section = await prettier.format(renderReadmeSection(run), {
    ...options,
    filepath: readmePath,
  });
  writeFileSync(readmePath, spliceSection(readme, section.trimEnd()));
  return [...files, readmePath];
}
