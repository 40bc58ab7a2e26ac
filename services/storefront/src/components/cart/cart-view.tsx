"use client";

import { useEffect } from "react";
import { Link } from "@/components/ui/link";
import { useStore } from "zustand";
import { blockingLines, type Cart } from "@/lib/api/cart";
import { formatWon } from "@/lib/format";
import { cartStore } from "@/lib/stores";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonPrimary } from "@/components/ui/styles";
import { CartLine } from "./cart-line";

/** The cart page body: starts from the server's cart, then follows the cart store. */
export function CartView({ initial }: { initial: Cart }) {
  useEffect(() => {
    cartStore.getState().replace(initial);
  }, [initial]);
  const cart = useStore(cartStore, (s) => s.cart) ?? initial;
  const busyLine = useStore(cartStore, (s) => s.busyLine);
  const error = useStore(cartStore, (s) => s.error);

  if (cart.lines.length === 0) {
    return (
      <EmptyState title="장바구니가 비어 있어요" action={{ href: "/", label: "쇼핑하러 가기" }}>
        마음에 드는 상품을 담아 보세요.
      </EmptyState>
    );
  }
  const blocked = blockingLines(cart);
  const changed = cart.lines.some((l) => l.priceChanged);
  return (
    <div className="flex flex-col gap-4 px-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {changed ? <Alert>담은 뒤 가격이 바뀐 상품이 있어요. 지금 가격으로 주문돼요.</Alert> : null}
      <ul className="divide-y divide-slate-100" aria-label="장바구니 상품">
        {cart.lines.map((line) => (
          <CartLine
            key={line.lineId}
            line={line}
            busy={busyLine === line.lineId}
            onQuantity={(q) => void cartStore.getState().setQuantity(line.lineId, q)}
            onRemove={() => void cartStore.getState().remove(line.lineId)}
          />
        ))}
      </ul>
      <section aria-labelledby="cart-summary" className="rounded-2xl bg-slate-50 p-4">
        <h2 id="cart-summary" className="sr-only">
          결제 예정 금액
        </h2>
        <dl className="flex flex-col gap-1 text-sm">
          <div className="flex justify-between">
            <dt className="text-muted">상품 수</dt>
            <dd>{cart.itemCount}개</dd>
          </div>
          <div className="flex justify-between text-base font-bold">
            <dt>상품 금액</dt>
            <dd data-testid="cart-subtotal">{formatWon(cart.subtotal)}</dd>
          </div>
        </dl>
        <p className="mt-1 text-xs text-muted">배송비는 주문서에서 배송 방법에 따라 계산돼요.</p>
      </section>
      {blocked.length ? (
        <Alert tone="error">품절되었거나 재고가 부족한 상품을 정리하면 주문할 수 있어요.</Alert>
      ) : null}
      {blocked.length ? (
        <span className={`${buttonPrimary} h-12 opacity-60`} aria-disabled="true">
          주문하기
        </span>
      ) : (
        <Link href="/checkout" className={`${buttonPrimary} h-12`}>
          주문하기
        </Link>
      )}
    </div>
  );
}
