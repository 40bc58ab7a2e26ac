/** The signed-in member's wishlist: product ids with the time each was added. */
import { toPage } from "@shop/contracts";
import { AppError, requireRole } from "@shop/platform";
import type { App } from "@shop/platform/fastify";
import type { Authenticator } from "../identity/identity.js";
import {
  ProductParams,
  WISHLIST_MAX,
  WishlistEntry,
  WishlistPage,
  WishlistQuery,
} from "./wishlist.schemas.js";
import type { WishlistStore } from "./wishlist.store.js";

const tags = ["wishlist"];
const security = [{ bearerAuth: [] }];

export function registerWishlistRoutes(
  app: App,
  deps: { store: WishlistStore; auth: Authenticator },
): void {
  const { store, auth } = deps;
  const memberId = async (request: Parameters<Authenticator["identity"]>[0]) =>
    requireRole(await auth.identity(request), "customer", "admin").sub;

  app.get(
    "/api/members/me/wishlist",
    {
      schema: {
        tags,
        security,
        summary: "The signed-in member's wishlist, newest first",
        querystring: WishlistQuery,
        response: { 200: WishlistPage },
      },
    },
    async (request) => {
      const { items, total } = await store.page(
        await memberId(request),
        request.query.page,
        request.query.limit,
      );
      return toPage(items, total, request.query);
    },
  );

  app.put(
    "/api/members/me/wishlist/:productId",
    {
      schema: {
        tags,
        security,
        summary: "Add a product (idempotent)",
        params: ProductParams,
        response: { 200: WishlistEntry },
      },
    },
    async (request) => {
      const id = await memberId(request);
      const { productId } = request.params;
      if (!(await store.has(id, productId)) && (await store.count(id)) >= WISHLIST_MAX) {
        throw new AppError(
          "WISHLIST_LIMIT_EXCEEDED",
          `A wishlist holds at most ${WISHLIST_MAX} products`,
        );
      }
      return store.add(id, productId);
    },
  );

  app.delete(
    "/api/members/me/wishlist/:productId",
    { schema: { tags, security, summary: "Remove a product (idempotent)", params: ProductParams } },
    async (request, reply) => {
      await store.remove(await memberId(request), request.params.productId);
      return reply.code(204).send();
    },
  );
}
