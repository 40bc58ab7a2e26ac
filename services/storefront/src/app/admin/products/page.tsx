import { AdminPager } from "@/components/admin/admin-pager";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import Image from "next/image";
import { listProducts } from "@/lib/api/products";
import { userGateway } from "@/lib/api/server";
import { formatWon } from "@/lib/format";
import { imageSource } from "@/lib/images";
import { requireAdmin } from "@/lib/session";
import { DeleteProductButton } from "@/components/admin/delete-product-button";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary } from "@/components/ui/styles";

export const metadata: Metadata = { title: "상품 관리" };

interface Props {
  searchParams: Promise<{ q?: string; page?: string; created?: string }>;
}

export default async function AdminProductsPage({ searchParams }: Props) {
  await requireAdmin("/admin/products");
  const { q, page: rawPage, created } = await searchParams;
  const page = Math.max(1, Number(rawPage) || 1);
  const products = await listProducts(await userGateway(), {
    q: q || undefined,
    page,
    limit: 20,
    sort: "newest",
    status: "all",
  });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">상품 관리</h1>
        <Link href="/admin/products/new" className={buttonPrimary}>
          새 상품 등록
        </Link>
      </div>
      {created ? (
        <Alert tone="success">
          상품을 등록했어요.{" "}
          <Link href={`/products/${created}`} className="font-semibold underline">
            상품 페이지 보기
          </Link>
        </Alert>
      ) : null}
      <form action="/admin/products" method="get" role="search" className="flex gap-2">
        <label htmlFor="admin-q" className="sr-only">
          상품 검색
        </label>
        <input
          id="admin-q"
          name="q"
          defaultValue={q ?? ""}
          placeholder="상품명, 브랜드"
          className="h-10 flex-1 rounded-lg border border-slate-300 px-3"
        />
        <button
          type="submit"
          className="h-10 rounded-lg border border-slate-300 px-4 text-sm font-semibold"
        >
          검색
        </button>
      </form>
      <p className="text-sm text-muted">전체 {products.total}개</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] text-left text-sm">
          <thead className="border-b border-slate-200 text-xs text-muted">
            <tr>
              <th scope="col" className="py-2">
                상품
              </th>
              <th scope="col">판매가</th>
              <th scope="col">재고</th>
              <th scope="col">상태</th>
              <th scope="col">
                <span className="sr-only">작업</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {products.items.map((p) => (
              <tr key={p.id}>
                <td className="py-2">
                  <div className="flex items-center gap-3">
                    <span className="relative block size-12 shrink-0 overflow-hidden rounded-lg bg-slate-100">
                      <Image
                        src={imageSource(p.imageUrl).src}
                        alt=""
                        fill
                        sizes="48px"
                        unoptimized={imageSource(p.imageUrl).unoptimized}
                        className="object-cover"
                      />
                    </span>
                    <span>
                      <Link
                        href={`/admin/products/${p.id}`}
                        className="font-semibold hover:underline"
                      >
                        {p.name}
                      </Link>
                      <span className="block text-xs text-muted">{p.brand}</span>
                    </span>
                  </div>
                </td>
                <td>{formatWon(p.price)}</td>
                <td>{p.stock}</td>
                <td>{p.stock > 0 ? "판매중" : "품절"}</td>
                <td className="text-right">
                  <DeleteProductButton id={p.id} name={p.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AdminPager
        basePath="/admin/products"
        params={{ q }}
        page={page}
        totalPages={products.totalPages}
      />
    </div>
  );
}
