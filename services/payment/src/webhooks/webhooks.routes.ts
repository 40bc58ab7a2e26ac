/** Public webhook endpoint for payment providers: the raw body is kept for the signature check. */
import type { App } from "@shop/platform/fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { WebhooksService } from "./webhooks.service.js";

const Params = z.object({ provider: z.string().regex(/^[a-z0-9-]{1,40}$/) });
const Receipt = z.object({ received: z.literal(true), duplicate: z.boolean() });

export function registerWebhookRoutes(app: App, service: WebhooksService): void {
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      "/api/payments/webhooks/:provider",
      {
        schema: {
          tags: ["webhooks"],
          summary:
            "Provider webhook (signed: Payment-Signature: t=<unix>,v1=<HMAC-SHA256 hex over '<t>.<body>'>)",
          params: Params,
          response: { 200: Receipt },
        },
      },
      async (request) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return service.receive(request.params.provider, raw, request.headers);
      },
    );
  });
}
