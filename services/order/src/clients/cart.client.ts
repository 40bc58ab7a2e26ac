/** The cart service's internal API: read a cart to check out and clear it afterwards. */
import { createServiceClient, fromProblem, type ServiceClient } from "@shop/platform";
import { z } from "zod";

const CartLine = z
  .object({
    lineId: z.string().optional(),
    productId: z.string(),
    optionId: z.string().nullable().optional(),
    quantity: z.number().int().positive(),
  })
  .loose();
const Cart = z.object({ ownerId: z.string().optional(), lines: z.array(CartLine) }).loose();
export type Cart = z.infer<typeof Cart>;

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
    if (res.status === 404) return { ownerId, lines: [] };
    if (res.status >= 400) throw fromProblem(res.body, res.status);
    return res.body;
  }

  async clear(ownerId: string): Promise<void> {
    await this.http.call(`/internal/carts/${encodeURIComponent(ownerId)}`, { method: "DELETE" });
  }

  close = () => this.http.close();
}
