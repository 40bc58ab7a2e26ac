/** The product service's internal API: price lookup and stock reservations (reservation id = order id). */
import { createServiceClient, fromProblem, type ServiceClient } from "@shop/platform";
import { ProductLookupResponse, Reservation, type ProductLookupItem } from "@shop/contracts";

export type LookupItem = ProductLookupItem;

export interface StockLine {
  productId: string;
  optionId: string | null;
  quantity: number;
}

export class ProductClient {
  readonly http: ServiceClient;

  constructor(baseUrl: string, internalKey: string) {
    this.http = createServiceClient({
      name: "product",
      baseUrl,
      timeoutMs: 5_000,
      headers: { "x-internal-key": internalKey },
    });
  }

  async lookup(refs: Array<{ productId: string; optionId: string | null }>): Promise<LookupItem[]> {
    const items = refs.map((r) =>
      r.optionId ? { productId: r.productId, optionId: r.optionId } : { productId: r.productId },
    );
    return (
      await this.http.post(
        "/internal/products/lookup",
        { items },
        { schema: ProductLookupResponse },
      )
    ).items;
  }

  /** Reserves every line or none; INSUFFICIENT_STOCK (409) when a line cannot be covered. */
  async reserve(reservationId: string, lines: StockLine[], ttlSeconds: number) {
    const items = lines.map((l) => ({
      productId: l.productId,
      ...(l.optionId ? { optionId: l.optionId } : {}),
      quantity: l.quantity,
    }));
    return this.http.post(
      "/internal/reservations",
      { reservationId, items, ttlSeconds },
      { schema: Reservation, headers: { "idempotency-key": `reserve:${reservationId}` } },
    );
  }

  async commit(reservationId: string): Promise<void> {
    await this.http.post(
      `/internal/reservations/${encodeURIComponent(reservationId)}/commit`,
      {},
      { headers: { "idempotency-key": `commit:${reservationId}` } },
    );
  }

  /** Releases a held reservation or restocks a committed one; unknown reservations are fine. */
  async release(reservationId: string): Promise<void> {
    const res = await this.http.call(
      `/internal/reservations/${encodeURIComponent(reservationId)}/release`,
      {
        method: "POST",
        body: {},
        headers: { "idempotency-key": `release:${reservationId}` },
        allowErrors: true,
      },
    );
    if (res.status >= 400 && res.status !== 404) throw fromProblem(res.body, res.status);
  }

  close = () => this.http.close();
}
