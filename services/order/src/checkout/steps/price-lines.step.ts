/** Re-prices every line from the product service and computes the totals; refuses unsellable lines. */
import type { OrderLine } from "@shop/contracts";
import { AppError } from "@shop/platform";
import type { LookupItem } from "../../clients/product.client.js";
import type { CheckoutContext } from "../checkout.context.js";
import { need } from "../checkout.context.js";
import { totalsOf } from "../pricing.js";
import type { Step } from "../saga.js";

export interface LineProblem {
  productId: string;
  optionId: string | null;
  name: string | null;
  requested: number;
  available: number;
  reason: "not_found" | "unavailable" | "insufficient_stock";
}

export async function priceLines(
  ctx: CheckoutContext,
): Promise<{ lines: OrderLine[]; problems: LineProblem[] }> {
  const cartLines = need(ctx.cartLines, "cart");
  const found = await ctx.deps.product.lookup(cartLines);
  const lines: OrderLine[] = [];
  const problems: LineProblem[] = [];
  cartLines.forEach((line, i) => {
    const item: LookupItem | undefined =
      found.find((f) => f.productId === line.productId && (f.optionId ?? null) === line.optionId) ??
      found[i];
    const problem = (reason: LineProblem["reason"], available = 0) =>
      problems.push({
        productId: line.productId,
        optionId: line.optionId,
        name: item?.name ?? null,
        requested: line.quantity,
        available,
        reason,
      });
    if (!item?.found || item.unitPrice == null) return problem("not_found");
    if (item.status && item.status !== "active") return problem("unavailable");
    const available = item.available ?? Number.MAX_SAFE_INTEGER;
    if (available < line.quantity) problem("insufficient_stock", Math.max(0, available));
    const unitPrice = item.unitPrice;
    lines.push({
      productId: line.productId,
      optionId: line.optionId,
      name: item.name ?? "",
      slug: item.slug ?? null,
      brand: item.brand ?? null,
      imageUrl: item.imageUrl ?? null,
      optionLabel: item.optionLabel ?? null,
      quantity: line.quantity,
      unitPrice,
      originalPrice: Math.max(item.originalPrice ?? unitPrice, unitPrice),
      lineTotal: unitPrice * line.quantity,
    });
  });
  return { lines, problems };
}

/** The 409 that names the lines that cannot be bought. */
export function lineProblemError(problems: LineProblem[]): AppError {
  const names = problems.map((p) =>
    p.reason === "insufficient_stock" && p.available > 0
      ? `${p.name ?? p.productId} (only ${p.available} left)`
      : (p.name ?? p.productId),
  );
  const soldOut = problems.every((p) => p.reason === "insufficient_stock");
  return new AppError(
    soldOut ? "INSUFFICIENT_STOCK" : "CHECKOUT_ITEM_UNAVAILABLE",
    `${soldOut ? "Sold out" : "No longer available"}: ${names.join(", ")}. Update your cart and try again.`,
    { extra: { lines: problems } },
  );
}

export const priceLinesStep: Step<CheckoutContext, never> = {
  id: "price-lines",
  async run(ctx) {
    const { lines, problems } = await priceLines(ctx);
    if (problems.length) throw lineProblemError(problems);
    ctx.lines = lines;
    ctx.totals = totalsOf(lines, need(ctx.input, "input").shippingMethod);
    return undefined;
  },
};
