/**
 * `GET /metrics`: the storefront process's metrics (CPU, memory, event-loop lag, GC) for
 * Prometheus, scraped from the storefront directly. The edge answers `/metrics` itself, so the
 * public never reaches this one; with METRICS_TOKEN set it wants `Authorization: Bearer <token>`.
 * Page timings are measured where pages are served, at the edge.
 */
import { metricsAnswer, startMetrics } from "@shop/platform/metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  startMetrics("storefront");
  const answer = await metricsAnswer(request.headers.get("authorization"));
  return new Response(answer.body, {
    status: answer.status,
    headers: { "content-type": answer.contentType, "cache-control": "no-store" },
  });
}
