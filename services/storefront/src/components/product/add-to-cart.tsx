"use client";

import { useMemo, useState } from "react";
import { Link } from "@/components/ui/link";
import { Minus, Plus, ShoppingCart } from "lucide-react";
import type { ProductOption } from "@/lib/api/products";
import { formatWon } from "@/lib/format";
import { cartStore, sessionStore } from "@/lib/stores";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary } from "@/components/ui/styles";
import { OptionPicker } from "./option-picker";

const MAX_QUANTITY = 99;

/**
 * Option choice, quantity and "add to cart". A cart line holds one option, so the product's first
 * option group is the one chosen here (it carries the stock); other groups are shown for reference.
 */
export function AddToCart({
  productId,
  price,
  stock,
  options,
}: {
  productId: string;
  price: number;
  stock: number;
  options: ProductOption[];
}) {
  const groups = useMemo(() => groupByType(options), [options]);
  const buyGroup = groups[0] ?? [];
  const [optionId, setOptionId] = useState<string | null>(() =>
    buyGroup.length === 1 && buyGroup[0]!.stock > 0 ? buyGroup[0]!.id : null,
  );
  const [quantity, setQuantity] = useState(1);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const option = buyGroup.find((o) => o.id === optionId) ?? null;
  const limit = Math.max(0, Math.min(MAX_QUANTITY, option ? Math.min(option.stock, stock) : stock));
  const soldOut = stock <= 0 || (buyGroup.length > 0 && buyGroup.every((o) => o.stock <= 0));
  const unit = price + (option?.extraPrice ?? 0);

  async function add() {
    if (buyGroup.length && !option) {
      setMessage({ tone: "error", text: "옵션을 선택해 주세요." });
      return;
    }
    setBusy(true);
    setMessage(null);
    const result = await cartStore
      .getState()
      .add({ productId, optionId: option?.id ?? null, quantity });
    setBusy(false);
    if (result.ok) {
      // The edge proxy may just have created a guest session: let the session state know.
      if (!sessionStore.getState().hasSession) void sessionStore.getState().load();
      setMessage({ tone: "success", text: "장바구니에 담았어요." });
    } else {
      setMessage({ tone: "error", text: result.message });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {groups.map((group, i) =>
        i === 0 ? (
          <OptionPicker
            key={group[0]!.type}
            options={group}
            selected={optionId}
            onSelect={setOptionId}
          />
        ) : (
          <p key={group[0]!.type} className="text-sm text-muted">
            {group[0]!.type === "colour" ? "색상" : "옵션"}: {group.map((o) => o.label).join(", ")}
          </p>
        ),
      )}
      <div className="flex items-center justify-between">
        <span className="text-sm font-semibold" id="quantity-label">
          수량
        </span>
        <div
          className="flex items-center rounded-lg border border-slate-300"
          role="group"
          aria-labelledby="quantity-label"
        >
          <button
            type="button"
            aria-label="수량 줄이기"
            className="grid size-10 place-items-center disabled:opacity-40"
            disabled={quantity <= 1}
            onClick={() => setQuantity((q) => Math.max(1, q - 1))}
          >
            <Minus aria-hidden className="size-4" />
          </button>
          <output className="w-10 text-center font-semibold" aria-live="polite" aria-label="수량">
            {quantity}
          </output>
          <button
            type="button"
            aria-label="수량 늘리기"
            className="grid size-10 place-items-center disabled:opacity-40"
            disabled={quantity >= limit}
            onClick={() => setQuantity((q) => Math.min(limit, q + 1))}
          >
            <Plus aria-hidden className="size-4" />
          </button>
        </div>
      </div>
      <p className="flex items-center justify-between text-sm">
        <span className="text-muted">총 상품 금액</span>
        <strong className="text-lg">{formatWon(unit * quantity)}</strong>
      </p>
      {message ? (
        <Alert tone={message.tone}>
          {message.text}
          {message.tone === "success" ? (
            <Link href="/cart" className="ml-2 font-semibold underline">
              장바구니 보기
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <button
        type="button"
        onClick={add}
        disabled={busy || soldOut}
        className={`${buttonPrimary} h-12 w-full`}
      >
        <ShoppingCart aria-hidden className="size-5" />
        {soldOut ? "품절" : busy ? "담는 중…" : "장바구니 담기"}
      </button>
    </div>
  );
}

function groupByType(options: ProductOption[]): ProductOption[][] {
  const groups = new Map<string, ProductOption[]>();
  for (const option of options) {
    const list = groups.get(option.type) ?? [];
    list.push(option);
    groups.set(option.type, list);
  }
  return [...groups.values()];
}
