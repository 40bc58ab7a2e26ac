/** The cart service's internal API: read a cart to check out and clear it afterwards. */
import { Cart } from "@shop/contracts";
import { createServiceClient, fromProblem, type ServiceClient } from "@shop/platform";

export class CartClient {
  readonly http: ServiceClient;

  constructor(baseUrl: string, internalKey: string) {
    this.http = createServiceClient({
      name: "cart",
      baseUrl,
      timeoutMs: 3_000,
      headers: { "x-internal-key": internalKey },
    });
  }

  async get(ownerId: string): Promise<Cart> {
    const res = await this.http.call(`/internal/carts/${encodeURIComponent(ownerId)}`, {
      schema: Cart,
      allowErrors: true,
    });
    if (res.status === 404) return emptyCart(ownerId);
    if (res.status >= 400) throw fromProblem(res.body, res.status);
    return res.body;
  }

  async clear(ownerId: string): Promise<void> {
    await this.http.call(`/internal/carts/${encodeURIComponent(ownerId)}`, { method: "DELETE" });
  }

  close = () => this.http.close();
}

function emptyCart(ownerId: string): Cart {
  return { ownerId, lines: [], itemCount: 0, subtotal: 0, currency: "KRW", updatedAt: null };
}
