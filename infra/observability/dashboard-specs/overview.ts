/** Dashboard: The platform at a glance: every part's RED, whether it is up, its process. */
import { byService, type DashboardSpec } from "./spec.js";

export const overview: DashboardSpec = {
  uid: "shop-overview",
  title: "Shop: platform overview",
  description: "Every part's request rate, 5xx ratio and p95, whether it is up, and its process.",
  tags: ["overview"],
  rows: [
    {
      title: "Requests (RED per part)",
      panels: [
        {
          title: "Parts up",
          kind: "stat",
          width: 24,
          queries: [{ expr: "up", legend: "{{job}}" }],
        },
        {
          title: "Request rate",
          unit: "reqps",
          width: 8,
          queries: [{ expr: "service:http_server_requests:rate5m", legend: byService }],
        },
        {
          title: "5xx ratio",
          unit: "percentunit",
          width: 8,
          queries: [{ expr: "service:http_server_errors:ratio_rate5m", legend: byService }],
        },
        {
          title: "p95 latency",
          unit: "s",
          width: 8,
          queries: [
            { expr: "service:http_server_request_duration_seconds:p95_5m", legend: byService },
          ],
        },
      ],
    },
    {
      title: "Processes",
      panels: [
        {
          title: "Event-loop lag p99",
          unit: "s",
          width: 8,
          queries: [{ expr: "nodejs_eventloop_lag_p99_seconds", legend: byService }],
        },
        {
          title: "CPU",
          unit: "percentunit",
          width: 8,
          queries: [{ expr: "rate(process_cpu_seconds_total[5m])", legend: byService }],
        },
        {
          title: "Resident memory",
          unit: "bytes",
          width: 8,
          queries: [{ expr: "process_resident_memory_bytes", legend: byService }],
        },
      ],
    },
  ],
};
