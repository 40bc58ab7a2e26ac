/**
 * The edge's request metrics. The route label is the HTML cache's route template for pages it
 * knows, a fixed name per kind of traffic otherwise — never the raw path, so the label set stays
 * bounded whatever URLs the public sends.
 */
import { metricsObserving, observeRequest } from "@shop/platform";
import { isStaticAsset } from "./pages.js";
import { isSessionPath } from "../session/session-routes.js";

const OWN_PATHS = new Set([
  "/health",
  "/health/ready",
  "/docs",
  "/docs/json",
  "/_edge/purge",
  "/_edge/stats",
]);

export function routeLabel(path: string, pageRoute: string | undefined): string {
  if (pageRoute) return pageRoute;
  if (OWN_PATHS.has(path)) return path;
  if (path === "/api" || path.startsWith("/api/")) return "/api/*";
  if (path.startsWith("/images/")) return "/images/*";
  if (path.startsWith("/_next/static/")) return "/_next/static/*";
  if (path.startsWith("/_next/image")) return "/_next/image";
  if (isStaticAsset(path)) return "static";
  if (isSessionPath(path)) return "session";
  return "page";
}

/** Records one answered request that started at `started` (performance.now()). */
export function observeEdgeRequest(
  method: string,
  path: string,
  pageRoute: string | undefined,
  status: number,
  started: number,
): void {
  if (!metricsObserving()) return;
  const seconds = (performance.now() - started) / 1000;
  observeRequest({ method, route: routeLabel(path, pageRoute), status, seconds });
}
