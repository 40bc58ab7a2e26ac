/** Public cart routes: `/api/cart/*`, always the caller's own cart. */
import {
  AddCartItem,
  Cart,
  CartMergeResult,
  MergeCartRequest,
  Problem,
  SetCartQuantity,
} from "@shop/contracts";
import { identityOf, type AccessHook, type App } from "@shop/platform/fastify";
import type { onRequestAsyncHookHandler } from "fastify";
import type { GuestTokenCheck } from "../identity/guest-token.js";
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

export interface CartRouteDeps {
  carts: CartService;
  access: AccessHook;
  guests: GuestTokenCheck;
}

export function cartRoutes(app: App, deps: CartRouteDeps): void {
  app.addHook("onSend", async (request, reply) => {
    // Carts are per person: never stored by a shared cache.
    if (CART_PATH.test(request.url)) reply.header("cache-control", "private, no-store");
  });
  // Guests and members alike; checked before the body, so an anonymous caller learns nothing.
  lineRoutes(app, deps.carts, deps.access());
  mergeRoute(app, deps);
}

function lineRoutes(app: App, carts: CartService, anyone: onRequestAsyncHookHandler): void {
  app.get(
    "/api/cart",
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: "The caller's cart, re-priced",
        response: { 200: Cart, ...errors },
      },
    },
    async (request) => carts.read(identityOf(request).sub),
  );
  app.post(
    "/api/cart/items",
    {
      onRequest: anyone,
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
    async (request) => carts.add(identityOf(request), request.body),
  );
  app.patch(
    "/api/cart/items/:lineId",
    {
      onRequest: anyone,
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
      carts.setQuantity(identityOf(request), request.params.lineId, request.body.quantity),
  );
  app.delete(
    "/api/cart/items/:lineId",
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: "Remove a line",
        params: LineParams,
        response: { 200: Cart, ...errors },
      },
    },
    async (request) => carts.remove(identityOf(request), request.params.lineId),
  );
  app.delete(
    "/api/cart",
    {
      onRequest: anyone,
      schema: { tags, security, summary: "Empty the cart", response: { 200: Cart, ...errors } },
    },
    async (request) => {
      const owner = identityOf(request);
      await carts.clear(owner.sub);
      return carts.read(owner.sub);
    },
  );
}

function mergeRoute(app: App, deps: CartRouteDeps): void {
  app.post(
    "/api/cart/merge",
    {
      onRequest: deps.access({ roles: ["customer", "admin"] }),
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
      const member = identityOf(request);
      const guest = await deps.guests.guest(request.body.guestToken);
      return deps.carts.merge(member, guest.sub);
    },
  );
}
