import { Link } from "@/components/ui/link";
import type { Cta, Visual } from "@/lib/api/home";

export function PromotionCard({
  id,
  title,
  subtitle,
  badge,
  cta,
  visual,
}: {
  id: string;
  title: string;
  subtitle: string;
  badge: string | null;
  cta: Cta;
  visual: Visual;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="px-4">
      <Link
        href={cta.href}
        className="relative flex items-center justify-between gap-3 overflow-hidden rounded-2xl px-5 py-5 text-white"
        style={{ background: visual.gradient ?? "linear-gradient(135deg, #111827, #4b5563)" }}
      >
        <span className="absolute inset-0 bg-black/25" aria-hidden />
        <span className="relative flex flex-col gap-1">
          {badge ? (
            <span className="w-fit rounded-full bg-white px-2 py-0.5 text-xs font-bold text-ink">
              {badge}
            </span>
          ) : null}
          <span id={`${id}-title`} className="text-lg font-bold">
            {title}
          </span>
          <span className="text-sm">{subtitle}</span>
        </span>
        <span className="relative shrink-0 rounded-lg bg-white px-3 py-2 text-sm font-bold text-ink">
          {cta.text}
        </span>
      </Link>
    </section>
  );
}
