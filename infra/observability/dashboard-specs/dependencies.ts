/** Dashboard: Outbound calls, circuit breakers, the outbox, stock, rate limits, tokens. */
import { byService, type DashboardSpec } from "./spec.js";

export const dependencies: DashboardSpec = {
  uid: "shop-dependencies",
  title: "Shop: dependencies, breakers and outbox",
  description: "PostgreSQL, Redis and service calls of every part, circuit breakers, the outbox.",
  tags: ["dependencies"],
  rows: [
    {
      title: "Outbound calls",
      panels: [
        {
          title: "Dependency p95 by part",
          unit: "s",
          queries: [
            {
              expr: "service_dependency:dependency_request_duration_seconds:p95_5m",
              legend: "{{service}} → {{dependency}}",
            },
          ],
        },
        {
          title: "Dependency error ratio",
          unit: "percentunit",
          queries: [
            {
              expr: "service_dependency:dependency_errors:ratio_rate5m",
              legend: "{{service}} → {{dependency}}",
            },
          ],
        },
        {
          title: "Circuit breakers (0 closed, 1 half-open, 2 open)",
          width: 24,
          thresholds: [
            { value: 1, color: "orange" },
            { value: 2, color: "red" },
          ],
          queries: [
            {
              expr: "max by (service, dependency) (circuit_breaker_state)",
              legend: "{{service}} → {{dependency}}",
            },
          ],
        },
      ],
    },
    {
      title: "Outbox and stock",
      panels: [
        {
          title: "Outbox backlog",
          width: 8,
          queries: [{ expr: "outbox_backlog_events", legend: byService }],
        },
        {
          title: "Oldest unpublished event",
          unit: "s",
          width: 8,
          queries: [{ expr: "outbox_oldest_unpublished_age_seconds", legend: byService }],
        },
        {
          title: "Stock reservations",
          width: 8,
          queries: [
            { expr: "sum(stock_reservations_open)", legend: "open" },
            { expr: "sum(rate(stock_reservations_expired_total[5m])) * 60", legend: "expired/min" },
          ],
        },
      ],
    },
    {
      title: "Edges of the platform",
      panels: [
        {
          title: "Rate-limit rejections by route",
          unit: "reqps",
          queries: [
            {
              expr: "sum by (service, route) (rate(rate_limit_rejections_total[5m]))",
              legend: "{{route}}",
            },
          ],
        },
        {
          title: "Token verifications and idempotency",
          unit: "ops",
          queries: [
            {
              expr: "sum by (outcome) (rate(token_verifications_total[5m]))",
              legend: "token {{outcome}}",
            },
            {
              expr: "sum by (outcome) (rate(idempotency_events_total[5m]))",
              legend: "idempotency {{outcome}}",
            },
            { expr: "sum(rate(token_revocations_total[5m]))", legend: "revocations" },
          ],
        },
      ],
    },
  ],
};
