/** What every suite receives: the running stack, the baselines beside it, settings and progress output. */
import type { PartName } from "../../infra/parts.js";
import { sleep } from "./children.js";
import { groupCpuSeconds } from "./cpu.js";
import type { RunningStack } from "./stack.js";
import { wrk, type LoadOptions, type LoadResult } from "./wrk.js";

export interface Settings {
  /** Rounds per figure (the median is reported). */
  rounds: number;
  /** Seconds per round. */
  seconds: number;
  /** Seconds of the hit-ratio run. */
  mixSeconds: number;
}

export interface BenchContext {
  stack: RunningStack;
  /** URLs of what the run starts beside the stack. */
  extra: {
    /** nginx proxy_cache in front of the storefront. */
    nginxHtml: string;
    /** nginx plain reverse proxy in front of the bare upstream. */
    nginxApi: string;
    /** The bare node:http upstream. */
    echo: string;
    /** A second gateway with the bench routes, in front of the bare upstream. */
    gateway: string;
    /** A minimal node:http + undici proxy in front of the bare upstream (reference floor). */
    minimalProxy: string;
  };
  settings: Settings;
  /** A scratch folder for this run (mix files). */
  workDir: string;
  /** Prefix of the Redis keys of what the run starts beside the stack (deleted at the end). */
  redisPrefix: string;
  notes: string[];
  progress(message: string): void;
}

/** The process group of a part of the stack (the launcher starts each part as a group leader). */
export function pgidOf(ctx: BenchContext, part: PartName): number {
  const pid = ctx.stack.processes.get(part)?.child.pid;
  if (pid === undefined) throw new Error(`${part} is not running`);
  return pid;
}

const fmt = (r: LoadResult) =>
  `${Math.round(r.requestsPerSec)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms` +
  (r.errors || r.non2xx ? ` (${r.errors} socket errors, ${r.non2xx} non-2xx)` : "");

/** One wrk round with a progress line. */
export async function load(
  ctx: BenchContext,
  label: string,
  options: LoadOptions,
): Promise<LoadResult> {
  const result = await wrk(options);
  ctx.progress(`  ${label}: ${fmt(result)}`);
  return result;
}

/** A short unrecorded wrk run, so the first recorded round does not pay for cold paths. */
export async function warmUp(
  ctx: BenchContext,
  options: Omit<LoadOptions, "seconds">,
): Promise<void> {
  await wrk({ ...options, seconds: 2 });
}

/**
 * Waits until a process group is nearly idle (< 15 % of a core over half a second), e.g. the
 * storefront finishing renders queued by a load that has stopped, so they do not leak into the
 * next figure. Gives up after `maxMs`.
 */
export async function waitIdle(pgid: number, maxMs = 20_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = groupCpuSeconds(pgid);
  while (Date.now() < deadline) {
    await sleep(500);
    const now = groupCpuSeconds(pgid);
    if (now - last < 0.075) return;
    last = now;
  }
}
