import type { Metadata } from "next";
import { categoryFilters, categoryPage } from "@/lib/catalog-data";
import type { SearchParams } from "@/lib/catalog-query";
import { routeParam } from "@/lib/route-param";
import { PageHeader } from "@/components/layout/page-header";
import { CategoryRow } from "@/components/home/category-row";
import { CatalogResults } from "@/components/catalog/catalog-results";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const slug = routeParam((await params).slug);
  const view = await categoryPage(categoryFilters(await searchParams, slug));
  const name = view.selected?.name ?? "카테고리";
  return {
    title: name,
    description: `${name} 카테고리의 상품 ${view.products.total}개를 가격, 할인, 신상품으로 골라 보세요.`,
    alternates: { canonical: `/categories/${slug}` },
  };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const slug = routeParam((await params).slug);
  const filters = categoryFilters(await searchParams, slug);
  const view = await categoryPage(filters);
  return (
    <>
      <PageHeader title={view.selected?.name ?? "카테고리"} back={{ href: "/", label: "홈" }} />
      <div className="flex flex-col gap-4 border-t border-slate-100 pt-4">
        <CategoryRow categories={view.categories} current={slug} label="카테고리" />
        <CatalogResults
          basePath={`/categories/${slug}`}
          filters={filters}
          products={view.products}
        />
      </div>
    </>
  );
}
