/** Public cart routes (`/api/cart/*`, the caller's own cart) and internal ones for the order service. */
import { Problem } from "@shop/contracts";
import { requireInternalKey, requireRole, type Identity } from "@shop/platform";
import type { App } from "@shop/platform/fastify";
import type { Identities } from "../identity/identity.js";
import {
  AddItemBody,
  Cart,
  LineParams,
  MergeBody,
  MergeResult,
  OwnerParams,
  UpdateItemBody,
} from "./cart.schemas.js";
import type { CartService } from "./cart.service.js";

const errors = {
  400: Problem,
  401: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
  503: Problem,
};
const bearer = [{ bearerAuth: [] }];
const CART_PATH = /^\/api\/cart(?:[/?]|$)/;

export function cartRoutes(app: App, deps: { carts: CartService; identities: Identities }): void {
  const { carts, identities } = deps;
  const identified = new WeakMap<object, Identity>();
  const caller = (request: object): Identity => {
    const identity = identified.get(request);
    if (!identity) throw new Error("cart route without an authenticated caller");
    return identity;
  };

  // Authenticate before the body is validated: an anonymous caller learns nothing about the API.
  app.addHook("onRequest", async (request) => {
    if (CART_PATH.test(request.url))
      identified.set(request, await identities.caller(request.headers.authorization));
  });
  app.addHook("onSend", async (request, reply) => {
    // Carts are per person: never stored by a shared cache.
    if (CART_PATH.test(request.url)) reply.header("cache-control", "private, no-store");
  });

  app.get(
    "/api/cart",
    {
      schema: {
        tags: ["cart"],
        summary: "The caller's cart, re-priced",
        security: bearer,
        response: { 200: Cart, ...errors },
      },
    },
    async (request) => carts.read(caller(request).sub),
  );

  app.post(
    "/api/cart/items",
    {
      schema: {
        tags: ["cart"],
        summary: "Add a product (and option) to the cart",
        description:
          "Adding a product+option already in the cart adds to its quantity. Unknown product or option: 400 with the field. Over the line or quantity limit: 422 CART_LIMIT_EXCEEDED. More than the stock: 409 INSUFFICIENT_STOCK.",
        security: bearer,
        body: AddItemBody,
        response: { 200: Cart, ...errors },
      },
    },
    async (request) => carts.add(caller(request), request.body),
  );

  app.patch(
    "/api/cart/items/:lineId",
    {
      schema: {
        tags: ["cart"],
        summary: "Set a line's quantity",
        security: bearer,
        params: LineParams,
        body: UpdateItemBody,
        response: { 200: Cart, ...errors },
      },
    },
    async (request) =>
      carts.setQuantity(caller(request), request.params.lineId, request.body.quantity),
  );

  app.delete(
    "/api/cart/items/:lineId",
    {
      schema: {
        tags: ["cart"],
        summary: "Remove a line",
        security: bearer,
        params: LineParams,
        response: { 200: Cart, ...errors },
      },
    },
    async (request) => carts.remove(caller(request), request.params.lineId),
  );

  app.delete(
    "/api/cart",
    {
      schema: {
        tags: ["cart"],
        summary: "Empty the cart",
        security: bearer,
        response: { 200: Cart, ...errors },
      },
    },
    async (request) => {
      const owner = caller(request);
      await carts.clear(owner.sub);
      return carts.read(owner.sub);
    },
  );

  app.post(
    "/api/cart/merge",
    {
      schema: {
        tags: ["cart"],
        summary: "Merge a guest cart into the signed-in member's cart",
        description:
          "Call right after login or registration with the guest's access token. Same product+option: quantities add, capped by stock. The guest cart is then deleted; merging it again is a no-op (`merged: false`). The guest token may have expired up to MERGE_GUEST_TOKEN_GRACE_SECONDS ago; a member token is refused (400 on guestToken).",
        security: bearer,
        body: MergeBody,
        response: { 200: MergeResult, ...errors },
      },
    },
    async (request) => {
      const member = requireRole(caller(request), "customer", "admin");
      const guest = await identities.guest(request.body.guestToken);
      return carts.merge(member, guest.sub);
    },
  );
}

export function internalCartRoutes(
  app: App,
  deps: { carts: CartService; internalKey: string },
): void {
  const internal = { tags: ["internal"] };
  app.get(
    "/internal/carts/:ownerId",
    {
      schema: {
        ...internal,
        summary: "A cart, re-priced (order service, X-Internal-Key)",
        params: OwnerParams,
        response: { 200: Cart, 401: Problem },
      },
    },
    async (request) => {
      requireInternalKey(request.headers["x-internal-key"], deps.internalKey);
      return deps.carts.read(request.params.ownerId);
    },
  );
  app.delete(
    "/internal/carts/:ownerId",
    {
      schema: {
        ...internal,
        summary: "Delete a cart after checkout (order service, X-Internal-Key)",
        params: OwnerParams,
      },
    },
    async (request, reply) => {
      requireInternalKey(request.headers["x-internal-key"], deps.internalKey);
      await deps.carts.clear(request.params.ownerId);
      return reply.code(204).send();
    },
  );
}
