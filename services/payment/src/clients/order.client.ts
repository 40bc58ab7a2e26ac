/** The payment service's one call to the order service: delivering a verified payment event. */
import type { PaymentEvent } from "@shop/contracts";
import { createServiceClient } from "@shop/platform";

export interface OrderClient {
  /** `POST /internal/payments/events`; throws when the order service did not take it. */
  deliverPaymentEvent(event: PaymentEvent): Promise<void>;
  close(): Promise<void>;
}

export function createOrderClient(options: { orderUrl: string; internalKey: string }): OrderClient {
  const order = createServiceClient({
    name: "order",
    baseUrl: options.orderUrl,
    timeoutMs: 10_000,
    // The forwarder retries with backoff; a retry here would only stack on top of it.
    retries: 0,
    headers: { "x-internal-key": options.internalKey },
  });
  return {
    async deliverPaymentEvent(event) {
      await order.post("/internal/payments/events", event);
    },
    close: () => order.close(),
  };
}
