/**
 * Who may call an API route, as the gateway's route file declares it (published as
 * `API_ROUTE_POLICIES`), and the gateway's matching rule: routes in order, `:name` one non-empty
 * segment, a trailing `/*` any number of segments; the first route matching path and method decides.
 */
import { API_ROUTE_POLICIES } from "./api-route-policies.ts";

export type RoutePolicy = "public" | "guest" | "customer" | "admin";

export interface ApiRoutePolicy {
  path: string;
  methods: readonly string[];
  policy: RoutePolicy;
}

/** The policy of the route a request reaches, or undefined when no route matches. */
export function apiRoutePolicy(
  method: string,
  path: string,
  routes: readonly ApiRoutePolicy[] = API_ROUTE_POLICIES,
): RoutePolicy | undefined {
  const wanted = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  const parts = path.split("/");
  for (const route of routes) {
    if (matches(route.path, parts) && route.methods.includes(wanted)) return route.policy;
  }
  return undefined;
}

function matches(pattern: string, parts: readonly string[]): boolean {
  const wildcard = pattern.endsWith("/*");
  const segments = (wildcard ? pattern.slice(0, -2) : pattern).split("/");
  if (wildcard ? parts.length < segments.length : parts.length !== segments.length) return false;
  return segments.every((segment, i) =>
    segment.startsWith(":") ? parts[i] !== "" : segment === parts[i],
  );
}
