/** The edge's own API as an OpenAPI document (from the zod schemas) and a small page, at /docs. */
import { openApiPage } from "@shop/platform";
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
