import type { Metadata } from "next";
import { getProductsByIds } from "@/lib/api/products";
import { userGateway } from "@/lib/api/server";
import { getWishlist } from "@/lib/api/wishlist";
import { requireMember } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";
import { ProductGrid } from "@/components/product/product-grid";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "위시리스트", robots: { index: false } };

export default async function WishlistPage() {
  await requireMember("/wishlist");
  const gateway = await userGateway();
  const entries = await getWishlist(gateway);
  const products = await getProductsByIds(
    gateway,
    entries.map((e) => e.productId),
  );
  return (
    <>
      <PageHeader title="위시리스트" back={{ href: "/account", label: "내 정보" }} />
      <div className="pt-2">
        {products.length ? (
          <>
            <h2 className="px-4 pb-3 text-sm font-normal text-muted">
              찜한 상품 {products.length}개
            </h2>
            <ProductGrid products={products} label="위시리스트 상품" />
          </>
        ) : (
          <EmptyState
            title="아직 찜한 상품이 없어요"
            action={{ href: "/", label: "상품 보러 가기" }}
          >
            마음에 드는 상품의 하트를 눌러 보세요.
          </EmptyState>
        )}
      </div>
    </>
  );
}
