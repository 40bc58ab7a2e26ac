/** CORS answers for the origins, headers and credentials the route file allows. */
import type { GatewayFile } from "../gateway-file/schema.js";

export type CorsConfig = GatewayFile["cors"];

export function originAllowed(origin: string, cors: CorsConfig): boolean {
  return cors.origins.includes(origin) || cors.origins.includes("*");
}

/** Headers for an actual (non-preflight) cross-origin request. */
export function corsHeaders(origin: string, cors: CorsConfig): string[] {
  const headers = ["access-control-allow-origin", origin, "vary", "Origin"];
  if (cors.credentials) headers.push("access-control-allow-credentials", "true");
  if (cors.exposeHeaders.length)
    headers.push("access-control-expose-headers", cors.exposeHeaders.join(", "));
  return headers;
}

export function preflightHeaders(
  origin: string,
  cors: CorsConfig,
  requestedHeaders: string | undefined,
): string[] {
  const allowHeaders = requestedHeaders
    ? requestedHeaders
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter((h) => cors.allowHeaders.includes(h))
        .join(", ")
    : cors.allowHeaders.join(", ");
  const headers = [
    "access-control-allow-origin",
    origin,
    "access-control-allow-methods",
    "GET, HEAD, POST, PUT, PATCH, DELETE",
    "access-control-max-age",
    String(Math.round(cors.maxAge / 1000)),
    "vary",
    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
  ];
  if (allowHeaders) headers.push("access-control-allow-headers", allowHeaders);
  if (cors.credentials) headers.push("access-control-allow-credentials", "true");
  return headers;
}
