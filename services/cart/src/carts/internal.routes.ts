/** Internal cart routes for the order service (`X-Internal-Key`; never routed by the gateway). */
import { Cart, Problem } from "@shop/contracts";
import type { AccessHook, App } from "@shop/platform/fastify";
import { z } from "zod";
import { OwnerParams } from "./cart.schemas.js";
import type { CartService } from "./cart.service.js";

export function internalCartRoutes(
  app: App,
  deps: { carts: CartService; access: AccessHook },
): void {
  // Guarded per route, never by URL prefix (an encoded spelling of the path must not skip it).
  const platformOnly = deps.access({ internal: "only" });
  app.get(
    "/internal/carts/:ownerId",
    {
      onRequest: platformOnly,
      schema: {
        tags: ["internal"],
        security: [{ internalKey: [] }],
        summary: "A cart, re-priced (order service)",
        params: OwnerParams,
        response: { 200: Cart, 401: Problem },
      },
    },
    async (request) => deps.carts.read(request.params.ownerId),
  );
  app.delete(
    "/internal/carts/:ownerId",
    {
      onRequest: platformOnly,
      schema: {
        tags: ["internal"],
        security: [{ internalKey: [] }],
        summary: "Delete a cart after a successful checkout (order service)",
        params: OwnerParams,
        response: { 204: z.null().describe("Deleted (or there was no cart)"), 401: Problem },
      },
    },
    async (request, reply) => {
      await deps.carts.clear(request.params.ownerId);
      return reply.code(204).send(null);
    },
  );
}
