import clsx from "clsx";
import { STATE_LABELS, type OrderState } from "@/lib/api/orders";

const TONES: Record<OrderState, string> = {
  pending_payment: "bg-amber-100 text-amber-900",
  paid: "bg-sky-100 text-sky-900",
  preparing: "bg-indigo-100 text-indigo-900",
  shipped: "bg-teal-100 text-teal-900",
  delivered: "bg-emerald-100 text-emerald-900",
  cancelled: "bg-slate-200 text-slate-800",
  refunded: "bg-rose-100 text-rose-900",
};

export function OrderStateBadge({ state }: { state: OrderState }) {
  return (
    <span
      className={clsx("inline-block rounded-full px-2.5 py-0.5 text-xs font-bold", TONES[state])}
      data-testid="order-state"
      data-state={state}
    >
      {STATE_LABELS[state]}
    </span>
  );
}
