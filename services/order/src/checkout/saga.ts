/**
 * A small saga runner: runs steps in order; when one fails, runs the compensations of the steps
 * that completed, newest first, then rethrows. A step may halt the flow (the payment will settle
 * later by webhook) without failing it. The saga, each step and each undo are spans of their own.
 */
import type { Logger } from "@shop/platform";
import { withSpan } from "@shop/platform/tracing";

export interface Step<C, I = unknown> {
  id: string;
  /** Does the work; returns what `compensate` needs to undo it (undefined: nothing to undo). */
  run(ctx: C): Promise<I | undefined>;
  compensate?(ctx: C, input: I, error: unknown): Promise<void>;
}

export interface SagaContext {
  /** Set by a step to stop the flow successfully after it. */
  halted?: boolean;
  logger: Logger;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStep<C> = Step<C, any>;

/** How a saga's spans are named (`checkout`, `checkout.reserve-stock`, `….undo`) and tagged. */
export interface SagaTrace {
  name: string;
  attributes: Record<string, string | number | boolean>;
}

export function runSaga<C extends SagaContext>(
  steps: ReadonlyArray<AnyStep<C>>,
  ctx: C,
  traced: SagaTrace = { name: "saga", attributes: {} },
): Promise<void> {
  const span = (suffix: string, work: () => Promise<unknown>) =>
    withSpan(`${traced.name}.${suffix}`, traced.attributes, work);
  return withSpan(traced.name, traced.attributes, async () => {
    const done: Array<{ step: AnyStep<C>; input: unknown }> = [];
    for (const step of steps) {
      try {
        const input = await span(step.id, () => step.run(ctx));
        done.push({ step, input });
      } catch (error) {
        ctx.logger.warn({ step: step.id, err: error }, "saga step failed; compensating");
        for (const { step: previous, input } of done.reverse()) {
          if (!previous.compensate || input === undefined) continue;
          try {
            await span(`${previous.id}.undo`, () => previous.compensate!(ctx, input, error));
          } catch (compensationError) {
            // Leftovers are bounded: reservations expire and the sweeper cancels unpaid orders.
            ctx.logger.error({ step: previous.id, err: compensationError }, "compensation failed");
          }
        }
        throw error;
      }
      if (ctx.halted) return;
    }
  });
}
