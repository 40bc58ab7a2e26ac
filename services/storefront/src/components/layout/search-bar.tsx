import { Search } from "lucide-react";

/** The rounded search bar on every shop page: a plain GET form to /search, no script needed. */
export function SearchBar({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/search" method="get" role="search" className="px-4 pb-3">
      <div className="flex h-12 items-center gap-2 rounded-full border border-brand-edge bg-brand-soft pl-4 pr-1.5">
        <Search aria-hidden className="size-5 shrink-0 text-brand-strong" />
        <label htmlFor="site-search" className="sr-only">
          상품 검색
        </label>
        <input
          id="site-search"
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder="Search"
          maxLength={100}
          autoComplete="off"
          className="h-full min-w-0 flex-1 bg-transparent text-[15px] text-ink placeholder:text-slate-600 focus:outline-none"
        />
        <button
          type="submit"
          aria-label="검색"
          className="grid size-9 shrink-0 place-items-center rounded-full bg-brand text-white hover:bg-brand-strong"
        >
          <Search aria-hidden className="size-4" />
        </button>
      </div>
    </form>
  );
}
