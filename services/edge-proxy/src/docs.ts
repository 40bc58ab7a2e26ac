/** The edge's own API as an OpenAPI document (from the zod schemas) and a small page, at /docs. */
import { openApiPage } from "@shop/platform";
import { LoginRequest, RegisterRequest } from "@shop/contracts";
import { z } from "zod";
import { PurgeAnswer, PurgeRequest } from "./admin/purge.js";
import { StatsAnswer } from "./admin/stats.js";

const problem = {
  description: "RFC 9457 problem details",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

const PROBLEM_SCHEMA = {
  type: "object",
  required: ["type", "title", "status", "detail", "code"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string" },
    requestId: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: { field: { type: "string" }, message: { type: "string" } },
      },
    },
  },
};

function sessionOperation(summary: string, body: z.ZodType) {
  return {
    post: {
      summary,
      description:
        "Same-site only (CSRF). JSON in, JSON out for scripts; a form post gets 303 to `redirect` (or back to the form with `?error=<code>`).",
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: z.toJSONSchema(body) },
          "application/x-www-form-urlencoded": { schema: z.toJSONSchema(body) },
        },
      },
      responses: {
        "200": { description: "Signed in; Set-Cookie access_token and refresh_token" },
        "303": { description: "Form post: signed in, or back to the form with the error code" },
        "400": problem,
        "401": problem,
        "403": problem,
        "429": problem,
      },
    },
  };
}

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "edge-proxy",
      version: "0.1.0",
      description:
        "Public entry point (:9000). Pages go to the storefront through the HTML cache; /api/* and /images/* go to the gateway with the session cookie turned into a Bearer token. These are the routes the edge answers itself.",
    },
    paths: {
      "/_edge/purge": {
        post: {
          summary: "Purge cached pages",
          description: "X-Internal-Key, or an admin access token (Bearer or the session cookie).",
          requestBody: {
            required: true,
            content: { "application/json": { schema: z.toJSONSchema(PurgeRequest) } },
          },
          responses: {
            "200": {
              description: "Purged",
              content: { "application/json": { schema: z.toJSONSchema(PurgeAnswer) } },
            },
            "400": problem,
            "401": problem,
            "403": problem,
          },
        },
      },
      "/_edge/stats": {
        get: {
          summary: "HTML cache counters and hit ratio",
          description: "X-Internal-Key, or an admin access token.",
          responses: {
            "200": {
              description: "Counters since start",
              content: { "application/json": { schema: z.toJSONSchema(StatsAnswer) } },
            },
            "401": problem,
            "403": problem,
          },
        },
      },
      "/_edge/session/login": sessionOperation(
        "Sign in: the tokens become httpOnly cookies (through the gateway's sign-in rate limit); a guest's cart is merged",
        LoginRequest,
      ),
      "/_edge/session/register": sessionOperation(
        "Register and sign in, as login does",
        RegisterRequest,
      ),
      "/_edge/session/logout": {
        post: {
          summary: "Sign out: the session ends at auth and both cookies are cleared",
          responses: {
            "200": { description: "Signed out (JSON callers)" },
            "303": { description: "Signed out, back to / (form posts)" },
            "403": problem,
          },
        },
      },
      "/health": {
        get: {
          summary: "Liveness (also /ping, /_health and probe user agents)",
          responses: { "200": { description: "Alive" } },
        },
      },
      "/health/ready": {
        get: {
          summary: "Readiness: Redis, storefront and gateway",
          responses: { "200": { description: "Ready" }, "503": { description: "Not ready" } },
        },
      },
    },
    components: { schemas: { Problem: PROBLEM_SCHEMA } },
  };
}

export function docsResponse(path: string): Response {
  if (path === "/docs/json") return Response.json(openApiDocument());
  return new Response(openApiPage(openApiDocument()), {
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}
