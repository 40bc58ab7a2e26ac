/**
 * The chaos tests' own stack: every part, plus a PostgreSQL and a Redis that this process started
 * (the `chaos` profile: own ports, data folder, databases), so they can be paused (SIGSTOP: the
 * server accepts connections and never answers), killed (SIGKILL: refused) and restarted without
 * touching anything else on the machine. The API test helpers work against it unchanged.
 */
import { join } from "node:path";
import { processAlive } from "../../infra/launcher/processes.js";
import { consoleReporter } from "../../infra/launcher/report.js";
import { startStack, type RunningStack } from "../../infra/launcher/stack.js";
import { stackDataDir, stackProfiles } from "../../infra/launcher/stacks.js";
import type { PartName } from "../../infra/parts.js";
import { encodeStack } from "../harness.js";

export type Target = PartName | "postgres" | "redis";

const profile = stackProfiles.chaos;
const dataDir = stackDataDir(profile);

/** Timers the chaos stack shortens so a test can watch them run out. */
export const CHAOS_TIMERS = {
  /** An unpaid order's stock is released after this (production: 600 s). */
  reservationTtlSeconds: 20,
  /** A checkout still running after this is taken for interrupted (production: 60 s). */
  checkoutStaleAfterSeconds: 15,
  /** How often the order sweeper looks (production: 15 s). */
  sweepIntervalMs: 2_000,
};

let running: Promise<RunningStack> | undefined;

/** Starts the chaos stack once per test process; `E2E_STACK` is set so the API helpers reach it. */
export function chaosStack(): Promise<RunningStack> {
  running ??= startStack({
    profile,
    report: consoleReporter(true),
    ownPostgres: { port: 5433 + profile.portOffset, dir: join(dataDir, "postgres") },
    ownRedis: { port: 6380 + profile.portOffset, dir: join(dataDir, "redis") },
    env: {
      order: {
        RESERVATION_TTL_SECONDS: String(CHAOS_TIMERS.reservationTtlSeconds),
        CHECKOUT_STALE_AFTER_SECONDS: String(CHAOS_TIMERS.checkoutStaleAfterSeconds),
        SWEEP_INTERVAL_MS: String(CHAOS_TIMERS.sweepIntervalMs),
      },
    },
  }).then((stack) => {
    process.env.E2E_STACK = encodeStack(stack);
    return stack;
  });
  return running;
}

function pidsOf(stack: RunningStack, target: Target): number[] {
  if (target === "postgres" || target === "redis") {
    const own = stack[target].own;
    if (!own) throw new Error(`the chaos stack did not start ${target} itself`);
    return own.pids();
  }
  const pid = stack.processes.get(target)?.child.pid;
  return pid ? [pid] : [];
}

function signal(stack: RunningStack, target: Target, sig: NodeJS.Signals): void {
  if (target !== "postgres" && target !== "redis") {
    stack.processes.get(target)?.signal(sig);
    return;
  }
  for (const pid of pidsOf(stack, target)) {
    try {
      process.kill(pid, sig);
    } catch {
      // ended meanwhile
    }
  }
}

/** Hangs the target: its sockets stay open and accept, nothing answers. */
export function pause(stack: RunningStack, target: Target): void {
  signal(stack, target, "SIGSTOP");
}

export function resume(stack: RunningStack, target: Target): void {
  signal(stack, target, "SIGCONT");
}

/** Kills the target outright (SIGKILL) and waits until none of its processes is left. */
export async function kill(stack: RunningStack, target: Target): Promise<void> {
  signal(stack, target, "SIGKILL");
  const proc =
    target === "postgres" || target === "redis" ? undefined : stack.processes.get(target);
  for (let i = 0; i < 200; i++) {
    const gone = proc ? proc.exited() : pidsOf(stack, target).every((pid) => !processAlive(pid));
    if (gone) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${target} did not die within 10 s of SIGKILL`);
}

/** Starts the target again on the same data (after a kill), waiting until it answers. */
export async function restart(stack: RunningStack, target: Target): Promise<void> {
  if (target === "postgres" || target === "redis") await stack[target].own!.restart();
  else await stack.restartPart(target);
}
