/**
 * Stacks: independent copies of the platform on one machine. The developer's stack (`npm start`),
 * the end-to-end test stack and the benchmark stack differ in ports, database names, Redis DB
 * number and data folder, so they never collide.
 */
import { join } from "node:path";
import type { PartName } from "../parts.js";

export interface StackProfile {
  name: "dev" | "e2e" | "bench" | "chaos";
  /** Added to every part's default port. */
  portOffset: number;
  /** Redis logical database of this stack. */
  redisDb: number;
  /** Database names are `<dbPrefix><part database>`. */
  dbPrefix: string;
  /** Drop databases and Redis keys before starting (tests want a known state). */
  fresh: boolean;
  logLevel: string;
  /**
   * REDIS_PREFIX of every part (default ""). Pub/sub channels are shared by all Redis DBs, so a
   * stack with its own prefix does not hear another stack's catalog, cache and revocation events.
   */
  redisPrefix?: string;
  /**
   * Every part exports its traces over OTLP/HTTP to this stack's own receiver port
   * (`otlpReceiverPort`, 4318 + portOffset), where the stack's tests listen.
   */
  exportTraces?: boolean;
}

export const stackProfiles: Record<StackProfile["name"], StackProfile> = {
  dev: {
    name: "dev",
    portOffset: 0,
    redisDb: 0,
    dbPrefix: "shop_",
    fresh: false,
    logLevel: "info",
  },
  e2e: {
    name: "e2e",
    portOffset: 10_000,
    redisDb: 1,
    dbPrefix: "shop_e2e_",
    fresh: true,
    logLevel: "info",
    redisPrefix: "e2e:",
    exportTraces: true,
  },
  bench: {
    name: "bench",
    portOffset: 20_000,
    redisDb: 2,
    dbPrefix: "shop_bench_",
    fresh: false,
    logLevel: "warn",
    redisPrefix: "bench:",
  },
  // The chaos tests' stack: its own PostgreSQL and Redis (they stop and kill them), own ports
  // (below 32768, where the kernel picks outgoing connections' ports).
  chaos: {
    name: "chaos",
    portOffset: 20_500,
    redisDb: 1,
    dbPrefix: "shop_chaos_",
    fresh: true,
    logLevel: "info",
    redisPrefix: "chaos:",
  },
};

/**
 * A numbered variant of the e2e stack (slot 1–9: ports + 10000 + slot × 100, Redis DB 2 + slot,
 * databases `shop_e2e<slot>_*`, Redis prefix `e2e<slot>:`), so two end-to-end runs can share a machine. Slot 0 is the plain e2e stack.
 */
export function e2eSlot(slot: number): StackProfile {
  if (!Number.isInteger(slot) || slot < 0 || slot > 9)
    throw new Error(`E2E_SLOT must be 0–9, got ${slot}`);
  if (slot === 0) return stackProfiles.e2e;
  return {
    ...stackProfiles.e2e,
    portOffset: 10_000 + slot * 100,
    redisDb: 2 + slot,
    dbPrefix: `shop_e2e${slot}_`,
    redisPrefix: `e2e${slot}:`,
  };
}

export const repoRoot = join(import.meta.dirname, "..", "..");
export const dataRoot = join(repoRoot, ".data");

/** The folder where a stack keeps its logs, keys and uploaded images. */
export function stackDataDir(profile: StackProfile): string {
  const slot =
    profile.name === "e2e" && profile.portOffset !== 10_000
      ? `-${(profile.portOffset - 10_000) / 100}`
      : "";
  return join(dataRoot, profile.name + slot);
}

export type PortMap = Record<PartName, number>;
