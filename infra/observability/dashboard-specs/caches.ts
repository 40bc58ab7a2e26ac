/** Dashboard: The edge HTML cache and the gateway response cache. */
import type { DashboardSpec } from "./spec.js";

export const caches: DashboardSpec = {
  uid: "shop-caches",
  title: "Shop: edge and gateway caches",
  description:
    "Hit ratios of the edge HTML cache and the gateway response cache, events, coalescing.",
  tags: ["cache"],
  rows: [
    {
      title: "Hit ratio",
      panels: [
        {
          title: "Edge HTML cache hit ratio",
          unit: "percentunit",
          queries: [{ expr: 'service_cache:cache_hit:ratio_rate5m{cache="html"}', legend: "html" }],
        },
        {
          title: "Gateway response cache hit ratio",
          unit: "percentunit",
          queries: [
            { expr: 'service_cache:cache_hit:ratio_rate5m{cache="response"}', legend: "response" },
          ],
        },
      ],
    },
    {
      title: "Events",
      panels: [
        {
          title: "Cache events",
          unit: "ops",
          queries: [
            {
              expr: "sum by (cache, event) (rate(cache_events_total[5m]))",
              legend: "{{cache}} {{event}}",
            },
          ],
        },
        {
          title: "Waiters coalesced per render",
          description: "Requests that waited for one render or fill instead of making their own.",
          queries: [
            {
              expr: 'sum by (cache) (rate(cache_events_total{event="coalesced"}[5m])) / sum by (cache) (rate(cache_fills_total[5m]))',
              legend: "{{cache}}",
            },
          ],
        },
      ],
    },
  ],
};
