/** Internal payment API for the order service (X-Internal-Key; never routed by the gateway). */
import type { AccessHook, App } from "@shop/platform/fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { FastifyReply } from "fastify";
import type { PaymentsService, Outcome } from "./payments.service.js";
import {
  AuthorizeRequest,
  InternalHeaders,
  Payment,
  PaymentList,
  PaymentListQuery,
  PaymentOperationRequest,
  PaymentParams,
} from "./payments.schemas.js";

const tags = ["internal payments"];

export function registerPaymentRoutes(
  app: App,
  service: PaymentsService,
  access: AccessHook,
): void {
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // Every route registered in this scope, and only those.
    scope.addHook("onRequest", access({ internal: "only" }));

    scope.post(
      "/internal/payments/authorize",
      {
        schema: {
          tags,
          summary: "Authorise (and optionally capture) a card payment",
          headers: InternalHeaders,
          body: AuthorizeRequest,
          response: { 201: Payment },
        },
      },
      async (request, reply) => send(reply, await service.authorize(request.body)),
    );
    for (const kind of ["capture", "void", "refund"] as const) {
      scope.post(
        `/internal/payments/:id/${kind}`,
        {
          schema: {
            tags,
            summary: `${kind[0]?.toUpperCase()}${kind.slice(1)} a payment (idempotent by key)`,
            headers: InternalHeaders,
            params: PaymentParams,
            body: PaymentOperationRequest,
            response: { 200: Payment },
          },
        },
        async (request, reply) =>
          send(reply, await service.operate(kind, request.params.id, request.body)),
      );
    }
    scope.get(
      "/internal/payments/:id",
      {
        schema: {
          tags,
          summary: "One payment",
          headers: InternalHeaders,
          params: PaymentParams,
          response: { 200: Payment },
        },
      },
      async (request) => service.get(request.params.id),
    );
    scope.get(
      "/internal/payments",
      {
        schema: {
          tags,
          summary: "Payments of an order",
          headers: InternalHeaders,
          querystring: PaymentListQuery,
          response: { 200: PaymentList },
        },
      },
      async (request) => ({ items: await service.listForOrder(request.query.orderId) }),
    );
  });
}

function send(reply: FastifyReply, outcome: Outcome) {
  if (outcome.replayed) reply.header("idempotent-replayed", "true");
  return reply.code(outcome.status).send(outcome.payment);
}
