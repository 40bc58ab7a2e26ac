/**
 * The auth service's route table: each route declares its method, path, zod schemas and handler
 * once; the Koa router and the OpenAPI document (served at /docs/json) are both built from it.
 */
import Router from "@koa/router";
import { Problem } from "@shop/contracts";
import type { AccessCheck, RouteAccess } from "@shop/platform";
import { accessMiddleware } from "@shop/platform/koa";
import type Koa from "koa";
import type { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from "zod-openapi";

export interface RouteDef {
  method: "get" | "post";
  path: string;
  summary: string;
  tags: string[];
  description?: string;
  /** Who may call: a first-party client key, an access token, the internal key, or anyone. */
  auth?: "client" | "bearer" | "internal";
  /** The platform's access rule, checked before the handler (bearer and internal routes). */
  access?: RouteAccess;
  body?: z.ZodType;
  /** Success answers by status. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handle: (ctx: Koa.Context) => Promise<void>;
}

const SECURITY = { client: "clientKey", bearer: "bearerAuth", internal: "internalKey" } as const;

export function buildRouter(routes: RouteDef[], check: AccessCheck): Router {
  const router = new Router();
  const access = accessMiddleware(check);
  for (const route of routes) {
    const handle = (ctx: Koa.Context) => route.handle(ctx);
    if (route.access) router[route.method](route.path, access(route.access), handle);
    else router[route.method](route.path, handle);
  }
  return router;
}

export function openApiDocument(
  routes: RouteDef[],
  info: { title: string; version: string; description: string },
) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const operation: ZodOpenApiOperationObject = {
      summary: route.summary,
      tags: route.tags,
      ...(route.description ? { description: route.description } : {}),
      ...(route.auth ? { security: [{ [SECURITY[route.auth]]: [] }] } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: route.body } },
            },
          }
        : {}),
      responses: {
        ...Object.fromEntries(
          Object.entries(route.responses).map(([status, response]) => [
            status,
            {
              description: response.description,
              ...(response.schema
                ? { content: { "application/json": { schema: response.schema } } }
                : {}),
            },
          ]),
        ),
        default: {
          description: "Problem details (RFC 9457)",
          content: { "application/problem+json": { schema: Problem } },
        },
      },
    };
    paths[route.path] = { ...paths[route.path], [route.method]: operation };
  }
  return createDocument({
    openapi: "3.1.0",
    info,
    components: {
      securitySchemes: {
        clientKey: {
          type: "http",
          scheme: "basic",
          description: "<client id>:<AUTH_CLIENT_KEY>; ids: storefront, edge-proxy",
        },
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        internalKey: { type: "apiKey", in: "header", name: "X-Internal-Key" },
      },
    },
    paths,
  });
}
