import type { Metadata } from "next";
import { categoryFilters, categoryPage } from "@/lib/catalog-data";
import type { SearchParams } from "@/lib/catalog-query";
import { PageHeader } from "@/components/layout/page-header";
import { CategoryRow } from "@/components/home/category-row";
import { CatalogResults } from "@/components/catalog/catalog-results";

export const metadata: Metadata = {
  title: "전체 카테고리",
  description: "모아샵의 모든 카테고리와 상품을 가격, 할인, 신상품으로 골라 보세요.",
  alternates: { canonical: "/categories" },
};

export default async function CategoriesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const filters = categoryFilters(await searchParams, null);
  const view = await categoryPage(filters);
  return (
    <>
      <PageHeader title="Category" back={{ href: "/", label: "홈" }} />
      <div className="flex flex-col gap-4 border-t border-slate-100 pt-4">
        <CategoryRow categories={view.categories} current={null} label="카테고리" />
        <CatalogResults basePath="/categories" filters={filters} products={view.products} />
      </div>
    </>
  );
}
