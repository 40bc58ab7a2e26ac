/** Re-prices stored lines with the catalogue's current data: price changes and stock problems flagged. */
import { refKey, type LookupItem, type ProductLookup } from "../clients/product.client.js";
import type { Cart, CartLine } from "@shop/contracts";
import type { StoredCart } from "./cart.store.js";

/** A lookup answer is purchasable when found, active and in stock. */
export function isPurchasable(item: LookupItem | undefined): item is LookupItem {
  return (
    Boolean(item?.found) && (item?.status ?? "active") === "active" && (item?.available ?? 0) > 0
  );
}

export async function priceCart(
  ownerId: string,
  stored: StoredCart,
  products: ProductLookup,
): Promise<Cart> {
  const current = await products.lookup(
    stored.lines.map((l) => ({ productId: l.productId, optionId: l.optionId })),
  );
  const lines: CartLine[] = stored.lines.map((line) => {
    const item = current.get(refKey(line));
    const found = Boolean(item?.found) && typeof item?.unitPrice === "number";
    const unitPrice = found ? item!.unitPrice! : line.priceWhenAdded;
    const available = found ? Math.max(0, item!.available ?? 0) : 0;
    const outOfStock = !isPurchasable(item) || !found;
    return {
      lineId: line.lineId,
      productId: line.productId,
      optionId: line.optionId,
      name: item?.name ?? line.name,
      slug: item?.slug ?? null,
      brand: item?.brand ?? null,
      imageUrl: item?.imageUrl ?? null,
      optionLabel: item?.optionLabel ?? null,
      quantity: line.quantity,
      unitPrice,
      originalPrice: item?.originalPrice ?? null,
      priceWhenAdded: line.priceWhenAdded,
      priceChanged: found && unitPrice !== line.priceWhenAdded,
      available,
      outOfStock,
      exceedsStock: !outOfStock && line.quantity > available,
      lineTotal: unitPrice * line.quantity,
      addedAt: line.addedAt,
    };
  });
  return {
    ownerId,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    // Only lines that can be bought count towards the subtotal.
    subtotal: lines.filter((l) => !l.outOfStock).reduce((n, l) => n + l.lineTotal, 0),
    currency: "KRW",
    updatedAt: stored.updatedAt,
  };
}
