/** Dashboard: The checkout funnel, payments, revenue, orders and logins. */
import type { DashboardSpec } from "./spec.js";

export const checkout: DashboardSpec = {
  uid: "shop-checkout",
  title: "Shop: checkout funnel and payments",
  description: "Carts, checkouts by outcome, decline ratio, revenue, orders by state, logins.",
  tags: ["business"],
  rows: [
    {
      title: "Funnel",
      panels: [
        {
          title: "Checkouts by outcome",
          unit: "ops",
          queries: [
            { expr: "shop:checkouts:rate5m", legend: "{{outcome}}" },
            { expr: "sum(rate(shop_carts_created_total[5m]))", legend: "carts created" },
          ],
        },
        {
          title: "Checkouts in the range",
          kind: "stat",
          queries: [
            {
              expr: "sum by (outcome) (increase(shop_checkouts_total[$__range]))",
              legend: "{{outcome}}",
            },
          ],
        },
        {
          title: "Decline and failure ratio",
          unit: "percentunit",
          queries: [
            { expr: "shop:payment_declines:ratio_rate15m", legend: "declined" },
            { expr: "shop:payment_failures:ratio_rate15m", legend: "failed" },
          ],
        },
        {
          title: "Checkout p95",
          unit: "s",
          queries: [
            { expr: "shop:checkout_duration_seconds:p95_5m", legend: "POST /api/checkout" },
          ],
        },
      ],
    },
    {
      title: "Revenue and orders",
      panels: [
        {
          title: "Revenue in the range",
          kind: "stat",
          unit: "currencyKRW",
          queries: [{ expr: "sum(increase(shop_revenue_krw_total[$__range]))", legend: "KRW" }],
        },
        {
          title: "Revenue per hour",
          unit: "currencyKRW",
          queries: [{ expr: "shop:revenue_krw:increase1h", legend: "KRW / h" }],
        },
        {
          title: "Orders by state",
          queries: [{ expr: "sum by (state) (shop_orders)", legend: "{{state}}" }],
        },
        {
          title: "Logins",
          unit: "ops",
          queries: [
            {
              expr: "sum by (outcome) (rate(shop_logins_total[5m]))",
              legend: "{{outcome}}",
            },
          ],
        },
      ],
    },
  ],
};
