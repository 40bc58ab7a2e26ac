/** The gateway's route listing, generated from gateway.yaml as an OpenAPI 3.1 document (its page: platform's openApiPage). */
import type { Route } from "../routing/router.js";

const POLICY_TEXT: Record<Route["policy"], string> = {
  public: "no token needed",
  guest: "any session (guest or member)",
  customer: "a signed-in customer or admin",
  admin: "an admin",
};

function openApiPath(pattern: string): string {
  return pattern.replace(/:([A-Za-z0-9]+)/g, "{$1}").replace(/\/\*$/, "/{rest}");
}

function operation(route: Route, method: string) {
  const parameters: unknown[] = route.segments
    .filter((s): s is { param: string } => "param" in s)
    .map((s) => ({ name: s.param, in: "path", required: true, schema: { type: "string" } }));
  if (route.wildcard)
    parameters.push({ name: "rest", in: "path", required: true, schema: { type: "string" } });
  for (const name of route.cache?.vary ?? [])
    parameters.push({ name, in: "query", required: false, schema: { type: "string" } });
  if (route.idempotency !== "off" && method !== "get") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: route.idempotency === "required",
      schema: { type: "string", pattern: "^[A-Za-z0-9_.:~+/=-]{8,255}$" },
    });
  }
  const responses: Record<string, { description: string }> = {
    default: { description: `answered by ${route.upstream}` },
  };
  if (route.policy !== "public") {
    responses["401"] = {
      description: "AUTH_REQUIRED / AUTH_TOKEN_INVALID / AUTH_TOKEN_EXPIRED / AUTH_SESSION_REVOKED",
    };
    responses["403"] = { description: "FORBIDDEN (role)" };
  }
  if (route.rateLimit)
    responses["429"] = { description: "RATE_LIMITED (Retry-After, RateLimit headers)" };
  if (method !== "get")
    responses["413"] = { description: `BODY_TOO_LARGE (limit ${route.bodyLimit} bytes)` };
  responses["503"] = { description: "UPSTREAM_UNAVAILABLE / CIRCUIT_OPEN" };
  return {
    operationId: `${route.id}.${method}`,
    summary: `${route.id} → ${route.upstream} (${POLICY_TEXT[route.policy]})`,
    ...(route.policy === "public" ? {} : { security: [{ bearer: [] }] }),
    parameters,
    responses,
    "x-gateway": {
      upstream: route.upstream,
      policy: route.policy,
      idempotency: route.idempotency,
      cache: route.cache
        ? { ttlMs: route.cache.ttl, maxSize: route.cache.maxSize, vary: route.cache.vary }
        : null,
      rateLimit: route.rateLimit ?? null,
      bodyLimit: route.bodyLimit,
    },
  };
}

export function openApiDocument(routes: readonly Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const item = (paths[openApiPath(route.pattern)] ??= {});
    for (const method of route.methods) {
      if (method === "HEAD" && route.methods.has("GET")) continue;
      item[method.toLowerCase()] ??= operation(route, method.toLowerCase());
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Shop API gateway",
      version: "1",
      description:
        "Routes, policies and plugins of the API gateway, generated from gateway.yaml. Each route is answered by the upstream named in x-gateway; the gateway adds token validation, rate limits, idempotency and the response cache.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT (EdDSA)" } },
    },
    paths,
  };
}
