"use client";

import { Link } from "@/components/ui/link";
import { Minus, Plus, Trash2 } from "lucide-react";
import type { CartLine as Line } from "@/lib/api/cart";
import { formatWon } from "@/lib/format";
import { ProductImage } from "@/components/product/product-image";

/** One cart line: product, option, notices (price change, stock), quantity and removal. */
export function CartLine({
  line,
  busy,
  onQuantity,
  onRemove,
}: {
  line: Line;
  busy: boolean;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const max = Math.max(1, Math.min(99, line.available));
  return (
    <li className="flex gap-3 py-4" data-testid="cart-line">
      <div className="relative size-20 shrink-0 overflow-hidden rounded-xl bg-slate-50">
        <ProductImage url={line.imageUrl} alt={line.name} sizes="80px" />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-start justify-between gap-2">
          <p className="line-clamp-2 text-sm font-semibold">
            {line.slug ? (
              <Link href={`/products/${line.slug}`} className="hover:underline">
                {line.name}
              </Link>
            ) : (
              line.name
            )}
          </p>
          <button
            type="button"
            onClick={onRemove}
            disabled={busy}
            aria-label={`${line.name} 삭제`}
            className="grid size-8 shrink-0 place-items-center rounded-full text-slate-600 hover:bg-slate-100"
          >
            <Trash2 aria-hidden className="size-4" />
          </button>
        </div>
        {line.optionLabel ? <p className="text-xs text-muted">옵션: {line.optionLabel}</p> : null}
        {line.priceChanged ? (
          <p className="text-xs font-medium text-amber-800">
            담을 때 {formatWon(line.priceWhenAdded)} → 지금 {formatWon(line.unitPrice)}
          </p>
        ) : null}
        {line.outOfStock ? (
          <p className="text-xs font-semibold text-sale">
            품절되었거나 판매가 중지된 상품이에요. 삭제해 주세요.
          </p>
        ) : line.exceedsStock ? (
          <p className="text-xs font-semibold text-sale">
            남은 재고가 {line.available}개예요. 수량을 줄여 주세요.
          </p>
        ) : null}
        <div className="mt-1 flex items-center justify-between">
          <div
            className="flex items-center rounded-lg border border-slate-300"
            role="group"
            aria-label={`${line.name} 수량`}
          >
            <button
              type="button"
              aria-label="수량 줄이기"
              className="grid size-8 place-items-center disabled:opacity-40"
              disabled={busy || line.quantity <= 1}
              onClick={() => onQuantity(line.quantity - 1)}
            >
              <Minus aria-hidden className="size-3.5" />
            </button>
            <span className="w-8 text-center text-sm font-semibold" aria-live="polite">
              {line.quantity}
            </span>
            <button
              type="button"
              aria-label="수량 늘리기"
              className="grid size-8 place-items-center disabled:opacity-40"
              disabled={busy || line.outOfStock || line.quantity >= max}
              onClick={() => onQuantity(line.quantity + 1)}
            >
              <Plus aria-hidden className="size-3.5" />
            </button>
          </div>
          <p className="text-sm font-bold">{formatWon(line.lineTotal)}</p>
        </div>
      </div>
    </li>
  );
}
