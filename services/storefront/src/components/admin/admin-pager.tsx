import { Link } from "@/components/ui/link";

/** Previous / next links for an admin list, keeping the list's own filters in the URL. */
export function AdminPager({
  basePath,
  params,
  page,
  totalPages,
}: {
  basePath: string;
  /** Filters to keep (empty values are left out). */
  params: Record<string, string | null | undefined>;
  page: number;
  totalPages: number;
}) {
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    query.set("page", String(target));
    return `${basePath}?${query}`;
  };
  return (
    <nav aria-label="페이지" className="flex justify-center gap-4 text-sm">
      {page > 1 ? <Link href={href(page - 1)}>이전</Link> : null}
      <span>
        {page} / {Math.max(1, totalPages)}
      </span>
      {page < totalPages ? <Link href={href(page + 1)}>다음</Link> : null}
    </nav>
  );
}
