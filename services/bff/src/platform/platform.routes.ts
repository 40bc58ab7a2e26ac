/** `GET /api/admin/platform`: the admin platform page's numbers and charts, from Prometheus. */
import { PlatformOverview, PlatformQuery, Problem } from "@shop/contracts";
import type { AccessHook, App } from "@shop/platform/fastify";
import type { PrometheusApi } from "../clients/prometheus.client.js";
import { readPlatform } from "./platform.service.js";

interface Deps {
  prometheus: PrometheusApi;
  access: AccessHook;
  clock: () => Date;
}

export function platformRoutes(app: App, deps: Deps): void {
  app.get(
    "/api/admin/platform",
    {
      onRequest: deps.access({ roles: ["admin"] }),
      schema: {
        tags: ["admin"],
        summary: "Platform health for the admin page",
        description:
          "Per part: up, request rate, p99 latency and 5xx ratio over five minutes, and the edge's and gateway's cache hit ratio; paid orders, declined payments and revenue since midnight (Asia/Seoul); request-rate and p99 series over `range`. Read from Prometheus; 503 DEPENDENCY_UNAVAILABLE with Retry-After while it is down. Numbers without data are null.",
        querystring: PlatformQuery,
        security: [{ bearerAuth: [] }],
        response: { 200: PlatformOverview, 401: Problem, 403: Problem, 502: Problem, 503: Problem },
      },
    },
    async (request, reply) => {
      const overview = await readPlatform(deps.prometheus, request.query.range, deps.clock());
      reply.header("cache-control", "no-store");
      return overview;
    },
  );
}
