/**
 * Issue 5, benchmark 5: a realistic mix (lib/mix.ts) from many simulated visitors with think time,
 * through the edge, starting from an empty HTML cache. Reports the edge hit ratio and the
 * storefront CPU saved: what the storefront would have spent rendering every page and RSC request
 * itself (CPU per render measured directly just before, × the requests of the run) against the
 * CPU its process group actually used during the run.
 */
import { join } from "node:path";
import { load, pgidOf, waitIdle, type BenchContext } from "../lib/context.js";
import { groupCpuSeconds } from "../lib/cpu.js";
import { buildMix, writeMix } from "../lib/mix.js";
import type { HitRatioSuite } from "../lib/results.js";
import { catalogue, counterDelta, edgePurge, edgeStats } from "../lib/stack.js";

const VISITORS = 200;
const THINK_MS: [number, number] = [100, 900];
const script = join(import.meta.dirname, "..", "load", "mix.lua");

type Counts = Record<string, number>;

/** CPU milliseconds per request the storefront spends on `kind` requests of the mix, asked directly. */
async function cpuPerRequest(ctx: BenchContext, mixFile: string, kind: string): Promise<number> {
  const group = pgidOf(ctx, "storefront");
  await waitIdle(group);
  const before = groupCpuSeconds(group);
  const result = await load(ctx, `storefront directly (${kind})`, {
    url: ctx.stack.urls.storefront,
    connections: 4,
    seconds: Math.max(4, ctx.settings.seconds),
    script,
    scriptArgs: [mixFile, "0", "0", kind],
  });
  await waitIdle(group);
  const cpu = groupCpuSeconds(group) - before;
  if (!result.requests) throw new Error(`the storefront answered no ${kind} requests`);
  return (cpu * 1000) / result.requests;
}

export async function hitRatioSuite(ctx: BenchContext): Promise<HitRatioSuite> {
  const mix = buildMix(await catalogue(ctx.stack));
  const mixFile = join(ctx.workDir, "mix.tsv");
  const distinctUrls = writeMix(mixFile, mix);
  ctx.progress(
    `hit-ratio mix: ${distinctUrls} distinct URLs; measuring the storefront's CPU per render directly`,
  );
  const cpuMsPerPage = await cpuPerRequest(ctx, mixFile, "page");
  const cpuMsPerRsc = await cpuPerRequest(ctx, mixFile, "rsc");
  ctx.progress(
    `  storefront CPU per render: ${cpuMsPerPage.toFixed(1)} ms (page), ${cpuMsPerRsc.toFixed(1)} ms (RSC)`,
  );

  await edgePurge(ctx.stack); // start cold, as after a deploy
  const storefront = pgidOf(ctx, "storefront");
  const edgeGroup = pgidOf(ctx, "edge-proxy");
  await waitIdle(storefront);
  const before = {
    stats: await edgeStats(ctx.stack),
    cpu: groupCpuSeconds(storefront),
    edge: groupCpuSeconds(edgeGroup),
  };
  ctx.progress(`hit-ratio run: ${VISITORS} visitors for ${ctx.settings.mixSeconds} s`);
  const result = await load(ctx, "mix through the edge", {
    url: ctx.stack.urls["edge-proxy"],
    connections: VISITORS,
    seconds: ctx.settings.mixSeconds,
    script,
    scriptArgs: [mixFile, String(THINK_MS[0]), String(THINK_MS[1])],
    timeoutSeconds: 10,
  });
  // Renders started by the run (background refreshes) belong to it.
  await waitIdle(storefront, 10_000);
  const cpuSeconds = groupCpuSeconds(storefront) - before.cpu;
  const edgeCpuSeconds = groupCpuSeconds(edgeGroup) - before.edge;
  const edge = counterDelta(before.stats, await edgeStats(ctx.stack));

  const out = (result.script ?? {}) as {
    kinds?: Counts;
    statuses?: Counts;
    xcache?: Counts;
    gateway?: Counts;
  };
  const requests = out.kinds ?? {};
  const withoutCacheSeconds =
    ((requests.page ?? 0) * cpuMsPerPage + (requests.rsc ?? 0) * cpuMsPerRsc) / 1000;
  const savedSeconds = withoutCacheSeconds - cpuSeconds;
  const r1 = (n: number) => Math.round(n * 10) / 10;
  ctx.progress(
    `  edge hit ratio ${(edge.hitRatio * 100).toFixed(1)} %, ${edge.renders} renders; storefront CPU ${cpuSeconds.toFixed(1)} s ` +
      `vs ${withoutCacheSeconds.toFixed(1)} s without the cache`,
  );
  return {
    seconds: ctx.settings.mixSeconds,
    visitors: VISITORS,
    thinkMs: THINK_MS,
    distinctUrls,
    requests,
    statuses: out.statuses ?? {},
    gatewayCache: out.gateway ?? {},
    rps: Math.round(result.requestsPerSec),
    edge: { ...edge, hitRatio: Math.round(edge.hitRatio * 10_000) / 10_000 },
    storefront: {
      cpuSeconds: r1(cpuSeconds),
      cpuMsPerPage: r1(cpuMsPerPage),
      cpuMsPerRsc: r1(cpuMsPerRsc),
      withoutCacheSeconds: r1(withoutCacheSeconds),
      savedSeconds: r1(savedSeconds),
      savedShare:
        withoutCacheSeconds > 0
          ? Math.round((savedSeconds / withoutCacheSeconds) * 1000) / 1000
          : 0,
    },
    edgeCpuSeconds: r1(edgeCpuSeconds),
  };
}
