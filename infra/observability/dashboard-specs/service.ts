/** Dashboard: One part, chosen in the dashboard: RED per route and its outbound calls. */
import type { DashboardSpec } from "./spec.js";

export const service: DashboardSpec = {
  uid: "shop-service",
  title: "Shop: one part (RED per route)",
  description: "The chosen part's routes: rate by status class, p95 and p99, and its dependencies.",
  tags: ["red"],
  variables: [
    {
      name: "service",
      label: "part",
      query: "label_values(http_server_request_duration_seconds_count, service)",
    },
  ],
  rows: [
    {
      title: "Routes",
      panels: [
        {
          title: "Requests by route and status class",
          unit: "reqps",
          width: 24,
          queries: [
            {
              expr: 'sum by (method, route, status_class) (rate(http_server_request_duration_seconds_count{service="$service"}[5m]))',
              legend: "{{method}} {{route}} {{status_class}}",
            },
          ],
        },
        {
          title: "p95 by route",
          unit: "s",
          queries: [
            {
              expr: 'service_route:http_server_request_duration_seconds:p95_5m{service="$service"}',
              legend: "{{method}} {{route}}",
            },
          ],
        },
        {
          title: "p99 by route",
          unit: "s",
          queries: [
            {
              expr: 'service_route:http_server_request_duration_seconds:p99_5m{service="$service"}',
              legend: "{{method}} {{route}}",
            },
          ],
        },
      ],
    },
    {
      title: "Outbound calls",
      panels: [
        {
          title: "Dependency p95",
          unit: "s",
          queries: [
            {
              expr: 'service_dependency:dependency_request_duration_seconds:p95_5m{service="$service"}',
              legend: "{{dependency}}",
            },
          ],
        },
        {
          title: "Dependency calls by outcome",
          unit: "reqps",
          queries: [
            {
              expr: 'sum by (dependency, outcome) (rate(dependency_request_duration_seconds_count{service="$service"}[5m]))',
              legend: "{{dependency}} {{outcome}}",
            },
          ],
        },
      ],
    },
  ],
};
