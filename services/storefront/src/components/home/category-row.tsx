import { Link } from "@/components/ui/link";
import clsx from "clsx";
import type { Category } from "@/lib/api/categories";
import { CategoryIcon } from "./category-icon";

/** The "Category" row of rounded icon tiles; the current category is highlighted. */
export function CategoryRow({
  categories,
  current,
  label,
}: {
  categories: Category[];
  current?: string | null;
  label: string;
}) {
  return (
    <ul className="scrollbar-none flex gap-4 overflow-x-auto px-4 pb-1" aria-label={label}>
      {categories.map((category, i) => {
        const active = current ? current === category.slug : i === 0 && current === undefined;
        return (
          <li key={category.id} className="shrink-0">
            <Link
              href={`/categories/${category.slug}`}
              aria-current={current === category.slug ? "page" : undefined}
              className="flex w-16 flex-col items-center gap-1.5 text-[13px] text-slate-700"
            >
              <span
                className={clsx(
                  "grid size-14 place-items-center rounded-2xl",
                  active ? "bg-accent [&>svg]:text-white" : "bg-slate-100",
                )}
              >
                <CategoryIcon code={category.iconCode} />
              </span>
              <span className="w-full truncate text-center">{category.name}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
