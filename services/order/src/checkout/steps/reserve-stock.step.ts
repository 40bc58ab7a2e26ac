/** Reserves the stock of every line atomically in the product service (reservation id = order id). */
import { AppError } from "@shop/platform";
import type { CheckoutContext } from "../checkout.context.js";
import { need } from "../checkout.context.js";
import type { Step } from "../saga.js";
import { lineProblemError, priceLines } from "./price-lines.step.js";

export const reserveStock: Step<CheckoutContext, string> = {
  id: "reserve-stock",
  async run(ctx) {
    const lines = need(ctx.lines, "lines");
    const ttl = ctx.deps.reservationTtlSeconds;
    try {
      const reservation = await ctx.deps.product.reserve(ctx.orderId, lines, ttl);
      const expiresAt = new Date(reservation.expiresAt);
      ctx.reservationExpiresAt = Number.isNaN(expiresAt.getTime())
        ? new Date(Date.now() + ttl * 1000)
        : expiresAt;
    } catch (error) {
      if (error instanceof AppError && error.code === "INSUFFICIENT_STOCK")
        throw await soldOutError(ctx, error);
      throw error;
    }
    return ctx.orderId;
  },
  async compensate(ctx, reservationId) {
    await ctx.deps.product.release(reservationId);
  },
};

/** Names the lines that sold out, with what is left, from a fresh lookup. */
async function soldOutError(ctx: CheckoutContext, original: AppError): Promise<AppError> {
  try {
    const { problems } = await priceLines(ctx);
    if (problems.length) return lineProblemError(problems);
  } catch {
    // fall through to the product service's own answer
  }
  return new AppError("INSUFFICIENT_STOCK", `Sold out: ${original.message}`, {
    ...(original.errors ? { errors: original.errors } : {}),
  });
}
