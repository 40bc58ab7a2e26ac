/** A row of pill links that filter an admin page (order state, chart range); one is current. */
import clsx from "clsx";
import { Link } from "@/components/ui/link";

export interface FilterTab {
  key: string;
  href: string;
  label: string;
  current: boolean;
}

export function FilterTabs({ label, tabs }: { label: string; tabs: FilterTab[] }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={clsx(
                "block rounded-full border px-3 py-1",
                tab.current
                  ? "border-brand bg-brand text-white"
                  : "border-slate-300 hover:bg-slate-50",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
