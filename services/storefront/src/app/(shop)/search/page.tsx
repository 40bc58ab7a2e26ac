import type { Metadata } from "next";
import { categoryFilters, categoryPage } from "@/lib/catalog-data";
import type { SearchParams } from "@/lib/catalog-query";
import { PageHeader } from "@/components/layout/page-header";
import { CatalogResults } from "@/components/catalog/catalog-results";

interface Props {
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = categoryFilters(await searchParams, null);
  return {
    title: q ? `'${q}' 검색 결과` : "상품 검색",
    description: "모아샵 상품 검색: 이름, 브랜드, 설명으로 찾아보세요.",
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const filters = categoryFilters(await searchParams, null);
  const view = await categoryPage(filters);
  return (
    <>
      <PageHeader
        title={filters.q ? `'${filters.q}'` : "Search"}
        back={{ href: "/", label: "홈" }}
        query={filters.q ?? ""}
      />
      <div className="border-t border-slate-100 pt-4">
        <CatalogResults basePath="/search" filters={filters} products={view.products} />
      </div>
    </>
  );
}
