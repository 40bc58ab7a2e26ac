/** Customer and admin order routes. Someone else's order is a 404, never a 403. */
import { identityOf, type AccessHook, type App } from "@shop/platform/fastify";
import { actorOf, type OrdersService } from "./orders.service.js";
import {
  AdminOrdersQuery,
  CancelBody,
  Order,
  OrderList,
  OrderParams,
  OwnOrdersQuery,
  TransitionBody,
} from "./orders.schemas.js";

const security = [{ bearerAuth: [] }];

export function registerOrderRoutes(app: App, orders: OrdersService, access: AccessHook): void {
  registerCustomerRoutes(app, orders, access());
  registerAdminRoutes(app, orders, access({ roles: ["admin"] }));
}

type Guard = ReturnType<AccessHook>;

function registerCustomerRoutes(app: App, orders: OrdersService, anyone: Guard): void {
  app.get(
    "/api/orders",
    {
      onRequest: anyone,
      schema: {
        tags: ["orders"],
        summary: "My orders, newest first",
        security,
        querystring: OwnOrdersQuery,
        response: { 200: OrderList },
      },
    },
    async (request) => {
      return orders.list({ ownerId: identityOf(request).sub }, request.query);
    },
  );
  app.get(
    "/api/orders/:id",
    {
      onRequest: anyone,
      schema: {
        tags: ["orders"],
        summary: "One of my orders, with its history",
        security,
        params: OrderParams,
        response: { 200: Order },
      },
    },
    async (request) => orders.get(identityOf(request), request.params.id),
  );
  app.post(
    "/api/orders/:id/cancel",
    {
      onRequest: anyone,
      schema: {
        tags: ["orders"],
        summary: "Cancel my order before it ships (a paid order is refunded)",
        security,
        params: OrderParams,
        body: CancelBody,
        response: { 200: Order },
      },
    },
    async (request) => {
      const identity = identityOf(request);
      const updated = await orders.transition(
        request.params.id,
        "cancelled",
        actorOf(identity),
        request.body?.reason ?? "cancelled by the customer",
        identity,
      );
      return orders.view(updated, true);
    },
  );
}

function registerAdminRoutes(app: App, orders: OrdersService, admin: Guard): void {
  app.get(
    "/api/admin/orders",
    {
      onRequest: admin,
      schema: {
        tags: ["admin orders"],
        summary: "All orders, filtered by state",
        security,
        querystring: AdminOrdersQuery,
        response: { 200: OrderList },
      },
    },
    async (request) => {
      const { state, ...page } = request.query;
      return orders.list(state ? { state } : {}, page);
    },
  );
  app.get(
    "/api/admin/orders/:id",
    {
      onRequest: admin,
      schema: {
        tags: ["admin orders"],
        summary: "Any order, with its history",
        security,
        params: OrderParams,
        response: { 200: Order },
      },
    },
    async (request) => orders.get(identityOf(request), request.params.id),
  );
  app.post(
    "/api/admin/orders/:id/transitions",
    {
      onRequest: admin,
      schema: {
        tags: ["admin orders"],
        summary: "Move an order to another state (only valid transitions)",
        security,
        params: OrderParams,
        body: TransitionBody,
        response: { 200: Order },
      },
    },
    async (request) => {
      const updated = await orders.transition(
        request.params.id,
        request.body.to,
        actorOf(identityOf(request)),
        request.body.reason ?? null,
      );
      return orders.view(updated, true);
    },
  );
}
