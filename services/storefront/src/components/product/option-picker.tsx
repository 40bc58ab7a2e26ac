"use client";

import clsx from "clsx";
import type { ProductOption } from "@/lib/api/products";
import { formatWon } from "@/lib/format";

const GROUP_LABEL: Record<ProductOption["type"], string> = {
  colour: "색상",
  size: "사이즈",
};

/** One option group as a radio group: colour swatches or size chips; sold-out choices disabled. */
export function OptionPicker({
  options,
  selected,
  onSelect,
}: {
  options: ProductOption[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const type = options[0]?.type;
  const chosen = options.find((o) => o.id === selected);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-semibold">
        {type ? GROUP_LABEL[type] : "옵션"}
        {chosen ? <span className="ml-2 font-normal text-muted">{chosen.label}</span> : null}
      </legend>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => {
          const soldOut = option.stock <= 0;
          const label = `${option.label}${option.extraPrice ? ` (+${formatWon(option.extraPrice)})` : ""}${soldOut ? " 품절" : ""}`;
          return (
            <label
              key={option.id}
              className={clsx("relative", soldOut ? "cursor-not-allowed" : "cursor-pointer")}
              title={label}
            >
              <input
                type="radio"
                name={`option-${type}`}
                value={option.id}
                checked={selected === option.id}
                disabled={soldOut}
                onChange={() => onSelect(option.id)}
                className="peer sr-only"
              />
              {type === "colour" && option.hex ? (
                <span
                  className={clsx(
                    "block size-9 rounded-full border-2 border-white ring-2 peer-focus-visible:ring-accent",
                    selected === option.id ? "ring-brand" : "ring-slate-300",
                    soldOut && "opacity-40",
                  )}
                  style={{ backgroundColor: option.hex }}
                >
                  <span className="sr-only">{label}</span>
                </span>
              ) : (
                <span
                  className={clsx(
                    "flex h-10 min-w-12 items-center justify-center rounded-lg border px-3 text-sm peer-focus-visible:ring-2 peer-focus-visible:ring-accent",
                    selected === option.id
                      ? "border-brand bg-brand-soft font-semibold text-brand-strong"
                      : "border-slate-300",
                    soldOut && "text-slate-500 line-through",
                  )}
                >
                  {label}
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
