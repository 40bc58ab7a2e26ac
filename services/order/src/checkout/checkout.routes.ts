/** Checkout routes: the preview (totals and prefill) and the checkout itself (Idempotency-Key required). */
import { identityOf, type AccessHook, type App } from "@shop/platform/fastify";
import type { CheckoutService } from "./checkout.service.js";
import {
  CheckoutBody,
  CheckoutHeaders,
  CheckoutPreview,
  CheckoutResult,
  PreviewQuery,
} from "./checkout.schemas.js";

const security = [{ bearerAuth: [] }];

export function registerCheckoutRoutes(
  app: App,
  checkout: CheckoutService,
  access: AccessHook,
): void {
  const anyone = access();
  app.get(
    "/api/checkout/preview",
    {
      onRequest: anyone,
      schema: {
        tags: ["checkout"],
        summary: "Totals for the current cart and the address prefill",
        security,
        querystring: PreviewQuery,
        response: { 200: CheckoutPreview },
      },
    },
    async (request) => checkout.preview(identityOf(request), request.query.shippingMethod),
  );
  app.post(
    "/api/checkout",
    {
      onRequest: anyone,
      schema: {
        tags: ["checkout"],
        summary: "Place an order from the cart and pay by card",
        description:
          "Guests must send an email; members may omit the address (prefilled from the profile). Declined → 402 PAYMENT_DECLINED with the cancelled orderId; sold out → 409 INSUFFICIENT_STOCK naming the lines; payment service down → 503 PAYMENT_UNAVAILABLE.",
        security,
        headers: CheckoutHeaders,
        body: CheckoutBody,
        response: { 201: CheckoutResult },
      },
    },
    async (request, reply) => {
      const identity = identityOf(request);
      const key = request.headers["idempotency-key"] ?? request.headers["x-idempotency-key"];
      const answer = await checkout.checkout(
        identity,
        request.body,
        typeof key === "string" ? key : undefined,
      );
      if (answer.replayed)
        void reply.header("idempotent-replayed", "true").header("x-idempotency-replayed", "true");
      return reply.code(answer.status).send(answer.body);
    },
  );
}
