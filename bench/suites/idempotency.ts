/**
 * Issue 5, benchmark 4: 50 identical POSTs with one Idempotency-Key land on the gateway at once
 * (the upstream write takes 200 ms, so they overlap). Exactly one may reach the upstream; the rest
 * get 409 (still in flight) or the stored answer replayed. Then the same 50 again, after the first
 * finished: all replays, no execution.
 */
import { randomUUID } from "node:crypto";
import { runBurst, type BurstResult } from "../lib/load-client.js";
import type { BenchContext } from "../lib/context.js";
import type { IdempotencyPhase, IdempotencySuite } from "../lib/results.js";
import { guestToken } from "../lib/stack.js";

export const IDEMPOTENT_REQUESTS = 50;
const ROUNDS = 3;

async function executions(ctx: BenchContext): Promise<number> {
  const res = await fetch(`${ctx.extra.echo}/__counts`);
  return ((await res.json()) as { posts: number }).posts;
}

function phase(burst: BurstResult, executed: number): IdempotencyPhase {
  return {
    requests: burst.count,
    statuses: burst.failures ? { ...burst.statuses, failed: burst.failures } : burst.statuses,
    replayed: burst.tallies["idempotent-replayed"]?.["true"] ?? 0,
    executions: executed,
  };
}

/** One original answer, the rest 409 or replays of it; nothing else. */
export function concurrentOk(p: IdempotencyPhase): boolean {
  const created = p.statuses["201"] ?? 0;
  const conflicts = p.statuses["409"] ?? 0;
  return p.executions === 1 && created - p.replayed === 1 && created + conflicts === p.requests;
}

export function afterwardsOk(p: IdempotencyPhase): boolean {
  return p.executions === 0 && p.replayed === p.requests && p.statuses["201"] === p.requests;
}

export async function idempotencySuite(ctx: BenchContext): Promise<IdempotencySuite> {
  const token = await guestToken(ctx.stack);
  const rounds: IdempotencySuite["rounds"] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const spec = {
      url: `${ctx.extra.gateway}/bench/echo`,
      count: IDEMPOTENT_REQUESTS,
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify({ sku: "bench-tee", quantity: 1 }),
      tally: ["idempotent-replayed"],
    };
    const n0 = await executions(ctx);
    const concurrent = phase(await runBurst(spec), (await executions(ctx)) - n0);
    const n1 = await executions(ctx);
    const afterwards = phase(await runBurst(spec), (await executions(ctx)) - n1);
    rounds.push({ concurrent, afterwards });
    ctx.progress(
      `idempotency round ${round}/${ROUNDS}: ${concurrent.requests} concurrent → ${concurrent.executions} execution(s), ` +
        `statuses ${JSON.stringify(concurrent.statuses)}, ${concurrent.replayed} replayed; ` +
        `again afterwards → ${afterwards.executions} execution(s), ${afterwards.replayed} replayed`,
    );
  }
  const passed = rounds.every((r) => concurrentOk(r.concurrent) && afterwardsOk(r.afterwards));
  return { rounds, passed };
}
