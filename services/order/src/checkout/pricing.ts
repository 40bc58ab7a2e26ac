/**
 * Server-side prices: lines re-priced from the product service, discounts from list prices, and
 * the shipping fee (standard ₩3,000, free from ₩50,000; express ₩5,000). Client prices are never read.
 */
import type { OrderLine, OrderTotals, ShippingMethod } from "@shop/contracts";

export const SHIPPING = {
  standard: { fee: 3_000, freeFrom: 50_000, label: "Standard (2–3 days)" },
  express: { fee: 5_000, freeFrom: null, label: "Express (next day)" },
} as const;

export function shippingFee(method: ShippingMethod, subtotal: number): number {
  const rule = SHIPPING[method];
  return rule.freeFrom !== null && subtotal >= rule.freeFrom ? 0 : rule.fee;
}

export function totalsOf(lines: OrderLine[], method: ShippingMethod): OrderTotals {
  const itemsTotal = lines.reduce((sum, l) => sum + l.originalPrice * l.quantity, 0);
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  const fee = shippingFee(method, subtotal);
  return {
    itemsTotal,
    discountTotal: itemsTotal - subtotal,
    subtotal,
    shippingFee: fee,
    grandTotal: subtotal + fee,
    currency: "KRW",
  };
}

export function shippingOptions(subtotal: number) {
  return (Object.keys(SHIPPING) as ShippingMethod[]).map((method) => ({
    method,
    label: SHIPPING[method].label,
    fee: shippingFee(method, subtotal),
  }));
}
