/** The signed-in member's wishlist: product ids with the time each was added. */
import { toPage } from "@shop/contracts";
import { AppError } from "@shop/platform";
import { identityOf, type AccessHook, type App } from "@shop/platform/fastify";
import type { FastifyRequest } from "fastify";
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
  deps: { store: WishlistStore; access: AccessHook },
): void {
  const { store } = deps;
  // Guests have no wishlist: it belongs to a member.
  const members = deps.access({ roles: ["customer", "admin"] });
  const memberId = (request: FastifyRequest) => identityOf(request).sub;

  app.get(
    "/api/members/me/wishlist",
    {
      onRequest: members,
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
        memberId(request),
        request.query.page,
        request.query.limit,
      );
      return toPage(items, total, request.query);
    },
  );

  app.put(
    "/api/members/me/wishlist/:productId",
    {
      onRequest: members,
      schema: {
        tags,
        security,
        summary: "Add a product (idempotent)",
        params: ProductParams,
        response: { 200: WishlistEntry },
      },
    },
    async (request) => {
      const id = memberId(request);
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
    {
      onRequest: members,
      schema: { tags, security, summary: "Remove a product (idempotent)", params: ProductParams },
    },
    async (request, reply) => {
      await store.remove(memberId(request), request.params.productId);
      return reply.code(204).send();
    },
  );
}
