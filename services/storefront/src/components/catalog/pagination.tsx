import { Link } from "@/components/ui/link";
import clsx from "clsx";
import { pageWindow, toSearch, type CatalogFilters } from "@/lib/catalog-query";

/** Page links (in the URL, so every page is shareable and cacheable). */
export function Pagination({
  basePath,
  filters,
  totalPages,
}: {
  basePath: string;
  filters: CatalogFilters;
  totalPages: number;
}) {
  if (totalPages <= 1) return null;
  const href = (page: number) => `${basePath}${toSearch(filters, { page })}`;
  const current = Math.min(filters.page, totalPages);
  return (
    <nav aria-label="페이지" className="flex items-center justify-center gap-1 px-4 py-6">
      {current > 1 ? (
        <Link
          href={href(current - 1)}
          className="rounded-lg px-3 py-2 text-sm hover:bg-slate-100"
          rel="prev"
        >
          이전
        </Link>
      ) : null}
      {pageWindow(current, totalPages).map((page, i) =>
        page === null ? (
          <span key={`gap-${i}`} aria-hidden className="px-1 text-slate-500">
            …
          </span>
        ) : (
          <Link
            key={page}
            href={href(page)}
            aria-label={`${page} 페이지`}
            aria-current={page === current ? "page" : undefined}
            className={clsx(
              "grid size-9 place-items-center rounded-lg text-sm",
              page === current ? "bg-brand font-bold text-white" : "hover:bg-slate-100",
            )}
          >
            {page}
          </Link>
        ),
      )}
      {current < totalPages ? (
        <Link
          href={href(current + 1)}
          className="rounded-lg px-3 py-2 text-sm hover:bg-slate-100"
          rel="next"
        >
          다음
        </Link>
      ) : null}
    </nav>
  );
}
