import { Link } from "@/components/ui/link";
import { Bell } from "lucide-react";
import { AccountLink } from "./account-link";
import { SearchBar } from "./search-bar";

/**
 * The top of every shop page: title (the page's h1), the notification bell and the search bar
 * (`query` pre-fills it on the search page).
 */
export function PageHeader({
  title,
  back,
  query = "",
}: {
  title: string;
  back?: { href: string; label: string };
  query?: string;
}) {
  return (
    <>
      <header className="sticky top-0 z-20 flex h-14 items-center justify-between bg-white/95 px-4 backdrop-blur">
        <div className="w-20">
          {back ? (
            <Link href={back.href} className="text-sm font-medium text-brand hover:underline">
              ‹ {back.label}
            </Link>
          ) : (
            <AccountLink />
          )}
        </div>
        <h1 className="truncate text-lg font-bold">{title}</h1>
        <div className="flex w-20 justify-end">
          <Link
            href="/orders"
            aria-label="알림: 주문 상태"
            className="relative grid size-10 place-items-center rounded-full text-amber-500 hover:bg-amber-50"
          >
            <Bell aria-hidden className="size-6 fill-amber-400" />
          </Link>
        </div>
      </header>
      <SearchBar defaultValue={query} />
    </>
  );
}
