import type { Metadata } from "next";
import { listCategories } from "@/lib/api/categories";
import { userGateway } from "@/lib/api/server";
import { requireAdmin } from "@/lib/session";
import { ProductForm } from "@/components/admin/product-form";

export const metadata: Metadata = { title: "상품 등록" };

export default async function NewProductPage() {
  await requireAdmin("/admin/products/new");
  const categories = await listCategories(await userGateway());
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">상품 등록</h1>
      <ProductForm categories={categories} />
    </div>
  );
}
