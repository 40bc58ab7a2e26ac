/** Internal intake of payment events from the payment service (X-Internal-Key; never routed by the gateway). */
import { PaymentEvent } from "@shop/contracts";
import type { AccessHook, App } from "@shop/platform/fastify";
import { z } from "zod";
import type { PaymentEventsService } from "./payment-events.service.js";

const Result = z.object({ duplicate: z.boolean(), action: z.string() });

export function registerPaymentEventRoutes(
  app: App,
  intake: PaymentEventsService,
  access: AccessHook,
): void {
  app.post(
    "/internal/payments/events",
    {
      onRequest: access({ internal: "only" }),
      schema: {
        tags: ["internal"],
        summary: "Apply a payment event (idempotent by eventId, any order)",
        body: PaymentEvent,
        response: { 200: Result },
      },
    },
    async (request) => intake.apply(request.body),
  );
}
