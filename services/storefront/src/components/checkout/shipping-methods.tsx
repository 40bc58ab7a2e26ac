"use client";

import clsx from "clsx";
import type { ShippingMethod, ShippingOption } from "@/lib/api/orders";
import { formatWon } from "@/lib/format";

const METHOD_LABELS: Record<ShippingMethod, string> = {
  standard: "일반 배송 (2–3일)",
  express: "빠른 배송 (다음 날)",
};

/** Shipping method radios with the fee the order service computed for this cart. */
export function ShippingMethods({
  options,
  method,
  onChange,
}: {
  options: ShippingOption[];
  method: ShippingMethod;
  onChange: (method: ShippingMethod) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-lg font-bold">배송 방법</legend>
      {options.map((option) => (
        <label
          key={option.method}
          className={clsx(
            "flex cursor-pointer items-center justify-between rounded-xl border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent",
            method === option.method ? "border-brand bg-brand-soft" : "border-slate-300",
          )}
        >
          <span className="flex items-center gap-2">
            <input
              type="radio"
              name="shippingMethod"
              value={option.method}
              checked={method === option.method}
              onChange={() => onChange(option.method)}
              className="size-4 accent-brand"
            />
            {METHOD_LABELS[option.method]}
          </span>
          <span className="font-semibold">{option.fee === 0 ? "무료" : formatWon(option.fee)}</span>
        </label>
      ))}
    </fieldset>
  );
}
