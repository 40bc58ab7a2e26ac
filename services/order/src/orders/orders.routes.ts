/** Customer and admin order routes. Someone else's order is a 404, never a 403. */
import type { App } from "@shop/platform/fastify";
import type { Authenticate } from "../auth/authenticate.js";
import { actorOf, type OrdersService } from "./orders.service.js";
import { AdminOrdersQuery, CancelBody, Order, OrderList, OrderParams, OwnOrdersQuery, TransitionBody } from "./orders.schemas.js";

const security = [{ bearerAuth: [] }];

export function registerOrderRoutes(app: App, orders: OrdersService, auth: Authenticate): void {
  app.get(
    "/api/orders",
    { schema: { tags: ["orders"], summary: "My orders, newest first", security, querystring: OwnOrdersQuery, response: { 200: OrderList } } },
    async (request) => {
      const identity = await auth(request);
      return orders.list({ ownerId: identity.sub }, request.query);
    },
  );
  app.get(
    "/api/orders/:id",
    { schema: { tags: ["orders"], summary: "One of my orders, with its history", security, params: OrderParams, response: { 200: Order } } },
    async (request) => orders.get(await auth(request), request.params.id),
  );
  app.post(
    "/api/orders/:id/cancel",
    { schema: { tags: ["orders"], summary: "Cancel my order before it ships (a paid order is refunded)", security, params: OrderParams, body: CancelBody, response: { 200: Order } } },
    async (request) => {
      const identity = await auth(request);
      const updated = await orders.transition(request.params.id, "cancelled", actorOf(identity), request.body?.reason ?? "cancelled by the customer", identity);
      return orders.view(updated, true);
    },
  );

  app.get(
    "/api/admin/orders",
    { schema: { tags: ["admin orders"], summary: "All orders, filtered by state", security, querystring: AdminOrdersQuery, response: { 200: OrderList } } },
    async (request) => {
      await auth(request, "admin");
      const { state, ...page } = request.query;
      return orders.list(state ? { state } : {}, page);
    },
  );
  app.get(
    "/api/admin/orders/:id",
    { schema: { tags: ["admin orders"], summary: "Any order, with its history", security, params: OrderParams, response: { 200: Order } } },
    async (request) => orders.get(await auth(request, "admin"), request.params.id),
  );
  app.post(
    "/api/admin/orders/:id/transitions",
    { schema: { tags: ["admin orders"], summary: "Move an order to another state (only valid transitions)", security, params: OrderParams, body: TransitionBody, response: { 200: Order } } },
    async (request) => {
      const identity = await auth(request, "admin");
      const updated = await orders.transition(request.params.id, request.body.to, actorOf(identity), request.body.reason ?? null);
      return orders.view(updated, true);
    },
  );
}
