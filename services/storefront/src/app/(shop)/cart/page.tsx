import type { Metadata } from "next";
import { EMPTY_CART, getCart } from "@/lib/api/cart";
import { userGateway } from "@/lib/api/server";
import { hasSessionCookie } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";
import { CartView } from "@/components/cart/cart-view";

export const metadata: Metadata = { title: "장바구니", robots: { index: false } };

/** The cart of this visitor (guest or member); a visitor without a session simply has none yet. */
export default async function CartPage() {
  const cart = (await hasSessionCookie()) ? await getCart(await userGateway()) : EMPTY_CART;
  return (
    <>
      <PageHeader title="Cart" />
      <CartView initial={cart} />
    </>
  );
}
