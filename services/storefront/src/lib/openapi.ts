/**
 * The storefront's own HTTP API (not its pages) as an OpenAPI 3.1 document, generated from zod
 * schemas: /session, /images/<key> and the health checks (signing in and out are the edge's). Served at /docs/openapi.json
 * and shown at /docs.
 */
import { z } from "zod";

export const SessionAnswer = z.object({
  user: z
    .object({ id: z.string(), name: z.string().nullable(), role: z.enum(["customer", "admin"]) })
    .nullable()
    .describe("The signed-in member; null for guests and visitors without a session"),
  hasSession: z.boolean().describe("The browser holds a session cookie (guest or member)"),
});

const Health = z.object({ status: z.string(), service: z.literal("storefront") });
const Ready = Health.extend({
  checks: z.object({ gateway: z.enum(["up", "down"]), auth: z.enum(["up", "down"]) }),
});

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema: z.toJSONSchema(schema) } },
});

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "storefront",
      version: "0.1.0",
      description: "The storefront's JSON and form routes (its pages are HTML).",
    },
    paths: {
      "/session": {
        get: {
          summary: "Who the visitor is (never cached)",
          responses: { 200: json(SessionAnswer, "The session") },
        },
      },
      "/images/{key}": {
        get: {
          summary: "A product image file (from the gateway), input of /_next/image",
          parameters: [{ name: "key", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            200: { description: "The image" },
            404: { description: "No such image" },
            503: { description: "Image service unavailable" },
          },
        },
      },
      "/health": {
        get: { summary: "The process is up", responses: { 200: json(Health, "Alive") } },
      },
      "/health/ready": {
        get: {
          summary: "Gateway and auth answer",
          responses: { 200: json(Ready, "Ready"), 503: json(Ready, "Not ready") },
        },
      },
    },
  };
}
