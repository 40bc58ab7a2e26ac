/** Current price, stock and display data of cart lines, from the product service's internal lookup. */
import { createServiceClient } from "@shop/platform";
import { ProductLookupResponse, type ProductLookupItem } from "@shop/contracts";

export type LookupItem = ProductLookupItem;

export interface LineRef {
  productId: string;
  optionId: string | null;
}

export type ProductLookup = ReturnType<typeof createProductLookup>;

export const refKey = (ref: LineRef) => `${ref.productId}\u0000${ref.optionId ?? ""}`;

export function createProductLookup(options: {
  baseUrl: string;
  internalKey: string;
  timeoutMs: number;
}) {
  const client = createServiceClient({
    name: "product",
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    headers: { "x-internal-key": options.internalKey },
  });
  return {
    /** Looks up every ref in one call; the answer is keyed by {@link refKey}. */
    async lookup(refs: LineRef[]): Promise<Map<string, LookupItem>> {
      const found = new Map<string, LookupItem>();
      if (refs.length === 0) return found;
      const items = refs.map((r) =>
        r.optionId ? { productId: r.productId, optionId: r.optionId } : { productId: r.productId },
      );
      const body = await client.post(
        "/internal/products/lookup",
        { items },
        { schema: ProductLookupResponse },
      );
      body.items.forEach((item, index) => {
        // Match by ids; fall back to position for answers that echo no option id.
        const ref =
          refs.find(
            (r) =>
              r.productId === item.productId && (r.optionId ?? null) === (item.optionId ?? null),
          ) ?? refs[index];
        if (ref) found.set(refKey(ref), item);
      });
      return found;
    },
    async ping() {
      await client.call("/health", { timeoutMs: 500 });
    },
    close: () => client.close(),
  };
}
