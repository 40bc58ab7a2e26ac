/**
 * The pure part of the instrumentation benchmark (issue 9): the order of the interleaved rounds,
 * the cost of METRICS=true against METRICS=false, and reading a Prometheus scrape's sample values.
 */

/** The two ways a part is started: METRICS=true ("on") or METRICS=false ("off"). */
export type Variant = "on" | "off";

/**
 * The order of the two variants in round `round` (1-based): on → off in odd rounds, off → on in
 * even ones (A B B A …), so a steady rise or fall of the machine's load, and whatever the first
 * load of a pair leaves behind, falls on both variants alike.
 */
export function roundOrder(round: number): Variant[] {
  if (!Number.isInteger(round) || round < 1)
    throw new Error(`roundOrder: round must be 1 or more, got ${round}`);
  return round % 2 === 1 ? ["on", "off"] : ["off", "on"];
}

/** The median (mean of the two middle values for an even count); NaN for no finite value. */
export function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Overhead {
  /** The cost in each round's pair (two loads seconds apart): drift between rounds cancels. */
  perRound: number[];
  /** The median of `perRound`: the figure judged against the goal. */
  median: number;
  /** The same cost computed from the two variants' medians (reference). */
  ofMedians: number;
}

/**
 * What instrumentation costs in throughput: the share of the uninstrumented requests/s that the
 * instrumented part loses (0.03 = 3 % fewer requests/s; negative when "on" was the faster).
 * `on[i]` and `off[i]` are the requests/s of round i.
 */
export function throughputOverhead(on: number[], off: number[]): Overhead {
  return paired(on, off, (a, b) => (b > 0 ? 1 - a / b : NaN));
}

/**
 * What instrumentation adds to a cost such as CPU time per request: on/off − 1 (0.04 = 4 % more
 * CPU per request). Less moved by other work on the machine than throughput: a part that gets
 * less CPU serves fewer requests, but each still costs about the same.
 */
export function costIncrease(on: number[], off: number[]): Overhead {
  return paired(on, off, (a, b) => (b > 0 ? a / b - 1 : NaN));
}

function paired(on: number[], off: number[], cost: (a: number, b: number) => number): Overhead {
  if (on.length === 0 || on.length !== off.length)
    throw new Error(`overhead: ${on.length} "on" rounds against ${off.length} "off"`);
  const perRound = on.map((x, i) => cost(x, off[i]!));
  return { perRound, median: median(perRound), ofMedians: cost(median(on), median(off)) };
}

/** A share as a signed percentage with one decimal: `3.1 %`, `-0.4 %`, `–` when unknown. */
export function signedPct(share: number): string {
  if (!Number.isFinite(share)) return "–";
  const rounded = Math.round(share * 1000) / 10;
  return `${rounded === 0 ? 0 : rounded} %`;
}

/**
 * The sum of every sample of `name` in a Prometheus text exposition, over all label sets (e.g.
 * `http_server_request_duration_seconds_count`: the requests the part observed). 0 when absent.
 */
export function sumSamples(exposition: string, name: string): number {
  let sum = 0;
  for (const line of exposition.split("\n")) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    // `name{labels} value` or `name value`; a longer name that merely starts with it is skipped.
    let valuePart: string;
    if (rest.startsWith("{")) {
      const close = rest.lastIndexOf("}");
      if (close < 0) continue;
      valuePart = rest.slice(close + 1);
    } else if (rest.startsWith(" ")) {
      valuePart = rest;
    } else continue;
    const value = Number(valuePart.trim().split(/\s+/)[0]);
    if (Number.isFinite(value)) sum += value;
  }
  return sum;
}
