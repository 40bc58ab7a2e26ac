import { formatWon } from "@/lib/format";

/** Selling price with the struck-through original when discounted. */
export function Price({
  price,
  originalPrice,
  size = "sm",
}: {
  price: number;
  originalPrice: number | null;
  size?: "sm" | "lg";
}) {
  return (
    <p
      className={
        size === "lg" ? "flex items-baseline gap-2" : "flex flex-wrap items-baseline gap-x-1.5"
      }
    >
      <span
        className={size === "lg" ? "text-2xl font-bold" : "text-[15px] font-bold"}
        data-testid="price"
      >
        {formatWon(price)}
      </span>
      {originalPrice ? (
        <span className={size === "lg" ? "text-base text-slate-600" : "text-sm text-slate-600"}>
          <span className="sr-only">정가 </span>
          <s>{formatWon(originalPrice)}</s>
        </span>
      ) : null}
    </p>
  );
}
