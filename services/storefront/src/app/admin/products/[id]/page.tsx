import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { listCategories } from "@/lib/api/categories";
import { ApiError } from "@/lib/api/http";
import { getProduct } from "@/lib/api/products";
import { userGateway } from "@/lib/api/server";
import { requireAdmin } from "@/lib/session";
import { ProductForm } from "@/components/admin/product-form";
import { DeleteProductButton } from "@/components/admin/delete-product-button";

export const metadata: Metadata = { title: "상품 수정" };

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/products/${id}`);
  const gateway = await userGateway();
  const [product, categories] = await Promise.all([
    getProduct(gateway, id).catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
      throw error;
    }),
    listCategories(gateway),
  ]);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">상품 수정</h1>
        <div className="flex items-center gap-3">
          <Link
            href={`/products/${product.slug}`}
            className="text-sm font-semibold text-brand underline"
          >
            상품 페이지
          </Link>
          <DeleteProductButton id={product.id} name={product.name} redirectTo="/admin/products" />
        </div>
      </div>
      <ProductForm categories={categories} product={product} />
    </div>
  );
}
