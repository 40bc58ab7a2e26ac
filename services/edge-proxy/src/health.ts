/**
 * Health answered by the edge itself: `/health`, `/ping`, `/_health` and requests from known probe
 * agents never touch tokens or upstreams. `/health/ready` checks Redis and that the storefront and
 * the gateway answer.
 */
import { createHealth, type Health, type HealthReport } from "@shop/platform";
import type { RedisConnection } from "./redis.js";

const LIVE_PATHS = new Set(["/health", "/ping", "/_health", "/health/live"]);

/** User agents of load balancer and orchestrator probes (matched case-insensitively as substrings). */
export const PROBE_AGENTS = [
  "elb-healthchecker",
  "googlehc",
  "kube-probe",
  "consul health check",
  "envoy/hc",
  "haproxy",
  "nginx-health",
  "azure traffic manager endpoint monitor",
  "alb-healthchecker",
  "cloudflare-traffic-manager",
];

const PROBE_PATTERN = new RegExp(
  PROBE_AGENTS.map((agent) => agent.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"),
  "i",
);

export function isLivenessRequest(path: string, userAgent: string | null): boolean {
  return LIVE_PATHS.has(path) || (userAgent !== null && PROBE_PATTERN.test(userAgent));
}

async function answers(base: string, path: string): Promise<void> {
  const response = await fetch(`${base}${path}`, {
    redirect: "manual",
    signal: AbortSignal.timeout(1_000),
  });
  await response.body?.cancel();
  if (response.status >= 500) throw new Error(`answered ${response.status}`);
}

export function createEdgeHealth(
  redis: RedisConnection,
  storefrontUrl: string,
  gatewayUrl: string,
): Health {
  return createHealth("edge-proxy", {
    redis: () => redis.ping(),
    storefront: () => answers(storefrontUrl, "/health"),
    gateway: () => answers(gatewayUrl, "/health"),
  });
}

export function healthResponse(report: HealthReport, requestId: string): Response {
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store", "x-request-id": requestId },
  });
}
