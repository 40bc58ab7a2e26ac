/**
 * The payment service's internal API. Answers keep their problem members (paymentId, declineCode)
 * because the saga records the declined payment on the cancelled order.
 */
import { Payment, PaymentList, type CardInput } from "@shop/contracts";
import { AppError, createServiceClient, isErrorCode, type ServiceClient } from "@shop/platform";

export class PaymentClient {
  readonly http: ServiceClient;

  constructor(baseUrl: string, internalKey: string, timeoutMs: number) {
    this.http = createServiceClient({
      name: "payment",
      baseUrl,
      timeoutMs,
      retries: 1,
      headers: { "x-internal-key": internalKey },
    });
  }

  authorize(input: {
    orderId: string;
    amount: number;
    card: CardInput;
    idempotencyKey: string;
    capture: boolean;
  }): Promise<Payment> {
    return this.send(
      "/internal/payments/authorize",
      { ...input, currency: "KRW" },
      input.idempotencyKey,
    );
  }

  capture(paymentId: string, idempotencyKey: string): Promise<Payment> {
    return this.send(`/internal/payments/${paymentId}/capture`, { idempotencyKey }, idempotencyKey);
  }

  void(paymentId: string, idempotencyKey: string): Promise<Payment> {
    return this.send(`/internal/payments/${paymentId}/void`, { idempotencyKey }, idempotencyKey);
  }

  refund(paymentId: string, idempotencyKey: string): Promise<Payment> {
    return this.send(`/internal/payments/${paymentId}/refund`, { idempotencyKey }, idempotencyKey);
  }

  async forOrder(orderId: string): Promise<Payment[]> {
    return (await this.http.get("/internal/payments", { query: { orderId }, schema: PaymentList }))
      .items;
  }

  private async send(path: string, body: unknown, idempotencyKey: string): Promise<Payment> {
    const res = await this.http.call<unknown>(path, {
      method: "POST",
      body,
      headers: { "idempotency-key": idempotencyKey },
      allowErrors: true,
    });
    if (res.status < 300) {
      const parsed = Payment.safeParse(res.body);
      if (parsed.success) return parsed.data;
      throw new AppError(
        "UPSTREAM_BAD_RESPONSE",
        "The payment service answered in an unexpected shape",
      );
    }
    const problem = (res.body ?? {}) as Record<string, unknown>;
    const code = isErrorCode(problem.code)
      ? problem.code
      : res.status >= 500
        ? "UPSTREAM_BAD_RESPONSE"
        : "VALIDATION_FAILED";
    const {
      type: _t,
      title: _ti,
      status: _s,
      detail,
      code: _c,
      requestId: _r,
      instance: _i,
      errors,
      ...extra
    } = problem;
    throw new AppError(code, typeof detail === "string" ? detail : undefined, {
      extra,
      ...(Array.isArray(errors)
        ? { errors: errors as Array<{ field: string; message: string }> }
        : {}),
    });
  }

  close = () => this.http.close();
}
