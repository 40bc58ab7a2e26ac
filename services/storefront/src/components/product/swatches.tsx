import type { Swatch } from "@/lib/api/products";

/** Colour dots under a product image. */
export function Swatches({ colours, max = 4 }: { colours: Swatch[]; max?: number }) {
  const shown = colours.filter((c) => c.hex).slice(0, max);
  if (shown.length === 0) return null;
  return (
    <ul
      className="flex items-center justify-center gap-1.5"
      aria-label={`색상 ${colours.length}가지`}
    >
      {shown.map((c) => (
        <li key={c.value} title={c.label}>
          <span
            className="block size-3.5 rounded-full border border-slate-300"
            style={{ backgroundColor: c.hex ?? undefined }}
          />
          <span className="sr-only">{c.label}</span>
        </li>
      ))}
    </ul>
  );
}
