/** Public cart routes: `/api/cart/*`, always the caller's own cart. */
import {
  AddCartItem,
  Cart,
  CartMergeResult,
  MergeCartRequest,
  Problem,
  SetCartQuantity,
} from "@shop/contracts";
import { requireRole } from "@shop/platform";
import type { App } from "@shop/platform/fastify";
import { authenticatePaths, type CallerOf } from "../identity/caller.hook.js";
import type { Identities } from "../identity/identity.js";
import { LineParams } from "./cart.schemas.js";
import type { CartService } from "./cart.service.js";

const errors = {
  400: Problem,
  401: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
  503: Problem,
};
const security = [{ bearerAuth: [] }];
const tags = ["cart"];
const CART_PATH = /^\/api\/cart(?:[/?]|$)/;

export function cartRoutes(app: App, deps: { carts: CartService; identities: Identities }): void {
  const caller = authenticatePaths(app, CART_PATH, deps.identities);
  app.addHook("onSend", async (request, reply) => {
    // Carts are per person: never stored by a shared cache.
    if (CART_PATH.test(request.url)) reply.header("cache-control", "private, no-store");
  });
  lineRoutes(app, deps.carts, caller);
  mergeRoute(app, deps, caller);
}

function lineRoutes(app: App, carts: CartService, caller: CallerOf): void {
  app.get(
    "/api/cart",
    {
      schema: {
        tags,
        security,
        summary: "The caller's cart, re-priced",
        response: { 200: Cart, ...errors },
      },
    },
    async (request) => carts.read(caller(request).sub),
  );
  app.post(
    "/api/cart/items",
    {
      schema: {
        tags,
        security,
        summary: "Add a product (and option) to the cart",
        description:
          "Adding a product+option already in the cart adds to its quantity. Unknown product or option: 400 with the field. Over the line or quantity limit: 422 CART_LIMIT_EXCEEDED. More than the stock: 409 INSUFFICIENT_STOCK.",
        body: AddCartItem,
        response: { 200: Cart, ...errors },
      },
    },
    async (request) => carts.add(caller(request), request.body),
  );
  app.patch(
    "/api/cart/items/:lineId",
    {
      schema: {
        tags,
        security,
        summary: "Set a line's quantity",
        description: "Raising it above the stock is 409; lowering is always allowed.",
        params: LineParams,
        body: SetCartQuantity,
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
        tags,
        security,
        summary: "Remove a line",
        params: LineParams,
        response: { 200: Cart, ...errors },
      },
    },
    async (request) => carts.remove(caller(request), request.params.lineId),
  );
  app.delete(
    "/api/cart",
    { schema: { tags, security, summary: "Empty the cart", response: { 200: Cart, ...errors } } },
    async (request) => {
      const owner = caller(request);
      await carts.clear(owner.sub);
      return carts.read(owner.sub);
    },
  );
}

function mergeRoute(
  app: App,
  deps: { carts: CartService; identities: Identities },
  caller: CallerOf,
): void {
  app.post(
    "/api/cart/merge",
    {
      schema: {
        tags,
        security,
        summary: "Merge a guest cart into the signed-in member's cart",
        description:
          "Call right after login or registration with the guest's access token. Same product+option: quantities add, capped by stock. The guest cart is then deleted; merging it again is a no-op (`merged: false`). The guest token may have expired up to MERGE_GUEST_TOKEN_GRACE_SECONDS ago; a member token is refused (400 on guestToken).",
        body: MergeCartRequest,
        response: { 200: CartMergeResult, ...errors, 403: Problem },
      },
    },
    async (request) => {
      const member = requireRole(caller(request), "customer", "admin");
      const guest = await deps.identities.guest(request.body.guestToken);
      return deps.carts.merge(member, guest.sub);
    },
  );
}
