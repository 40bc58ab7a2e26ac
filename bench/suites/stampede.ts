/**
 * Issue 5, benchmark 3: the home page is purged from the edge (both tiers), then 1000 requests
 * land at once. The storefront must render it exactly once: the edge's `renders` counter may move
 * by one per round, and every request must get the page.
 */
import { runBurst } from "../lib/load-client.js";
import type { BenchContext } from "../lib/context.js";
import type { StampedeRound, StampedeSuite } from "../lib/results.js";
import { counterDelta, edgePurge, edgeStats, probe } from "../lib/stack.js";

export const STAMPEDE_REQUESTS = 1000;
const ROUNDS = 3;

export async function stampedeSuite(ctx: BenchContext): Promise<StampedeSuite> {
  const url = `${ctx.stack.urls["edge-proxy"]}/`;
  const rounds: StampedeRound[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    await probe(url); // the page exists before it is purged, as when it expires in production
    await edgePurge(ctx.stack, ["/"]);
    const before = await edgeStats(ctx.stack);
    const burst = await runBurst({
      url,
      count: STAMPEDE_REQUESTS,
      tally: ["x-cache"],
      timeoutMs: 60_000,
    });
    const edge = counterDelta(before, await edgeStats(ctx.stack));
    rounds.push({
      requests: burst.count,
      statuses: burst.failures ? { ...burst.statuses, failed: burst.failures } : burst.statuses,
      xCache: burst.tallies["x-cache"] ?? {},
      renders: edge.renders,
      edge,
      latencyMs: burst.latencyMs,
      connectMs: burst.connectMs,
    });
    ctx.progress(
      `stampede round ${round}/${ROUNDS}: ${burst.count} concurrent requests → ${edge.renders} render(s); ` +
        `statuses ${JSON.stringify(burst.statuses)}, X-Cache ${JSON.stringify(burst.tallies["x-cache"])}, ` +
        `p50 ${burst.latencyMs.p50} ms, p99 ${burst.latencyMs.p99} ms`,
    );
  }
  const passed = rounds.every((r) => r.renders === 1 && r.statuses["200"] === r.requests);
  return { rounds, passed };
}
