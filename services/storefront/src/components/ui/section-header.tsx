import { Link } from "@/components/ui/link";

/** "Category  see all" style heading of a home section. */
export function SectionHeader({
  id,
  title,
  href,
}: {
  id: string;
  title: string;
  href?: string | null;
}) {
  return (
    <div className="mb-3 flex items-center justify-between px-4">
      <h2 id={id} className="text-xl font-bold tracking-tight">
        {title}
      </h2>
      {href ? (
        <Link href={href} className="text-[15px] font-medium text-slate-700 hover:underline">
          see all<span className="sr-only"> — {title}</span>
        </Link>
      ) : null}
    </div>
  );
}
