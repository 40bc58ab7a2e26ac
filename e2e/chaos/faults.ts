/**
 * One fault at a time: prepare the probes while healthy, break the target (hung: SIGSTOP; down:
 * SIGKILL), send every probe at once and time each answer, then mend the target (SIGCONT, or a
 * restart of the target alone) and wait until every probe is served again — no other part is
 * restarted, so recovery is the parts' own (reconnects, breakers closing).
 */
import type { RunningStack } from "../../infra/launcher/stack.js";
import type { Answer } from "../api/lib/http.js";
import { kill, pause, restart, resume, type Target } from "./lab.js";
import type { Fault } from "./matrix.js";
import { describeAnswer, type Probe } from "./probes.js";

export interface Observation {
  probe: string;
  answer: Answer<unknown>;
  seen: ReturnType<typeof describeAnswer>;
}

export interface FaultRun {
  observations: Observation[];
  /** From mending the target to every probe answering below 500 again. */
  recoveryMs: number;
}

/** Every answer below 500 (a 4xx, like an empty cart at checkout, is the probe being served). */
const served = (answer: Answer<unknown>) => answer.status < 500;

export async function runFault(
  stack: RunningStack,
  target: Target,
  fault: Fault,
  probes: Probe[],
  recoveryTimeoutMs = 30_000,
): Promise<FaultRun> {
  const sends = await Promise.all(
    probes.map(async (p) => ({ name: p.name, send: await p.prepare() })),
  );
  if (fault === "hung") pause(stack, target);
  else await kill(stack, target);
  let observations: Observation[];
  try {
    observations = await Promise.all(
      sends.map(async ({ name, send }) => {
        const answer = await send();
        return { probe: name, answer, seen: describeAnswer(answer) };
      }),
    );
  } finally {
    if (fault === "hung") resume(stack, target);
    else await restart(stack, target);
  }
  const mended = performance.now();
  const pending = new Set(sends);
  while (pending.size) {
    for (const probe of [...pending]) {
      const answer = await probe.send().catch(() => undefined);
      if (answer && served(answer)) pending.delete(probe);
    }
    if (!pending.size) break;
    if (performance.now() - mended > recoveryTimeoutMs)
      throw new Error(
        `${target} ${fault}: not served ${recoveryTimeoutMs / 1000} s after it was mended: ${[...pending].map((p) => p.name).join(", ")}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
  return { observations, recoveryMs: performance.now() - mended };
}

/** An observation in the matrix's cell syntax, for messages and for writing the document. */
export function asCell(o: Observation): string {
  const { status, code, stale, page } = o.seen;
  const how = stale ? " stale" : page ? " page" : "";
  return `${status}${code ? ` ${code}` : ""}${how} (${(o.answer.ms / 1000).toFixed(2)} s)`;
}
