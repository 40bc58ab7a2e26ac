"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import clsx from "clsx";
import { browserTransport } from "@/lib/api/browser";
import { ApiError } from "@/lib/api/http";
import { adminTransitions, STATE_LABELS, transitionOrder, type OrderState } from "@/lib/api/orders";

/** Buttons moving an order to the states an admin may choose next (the first one is the usual step). */
export function OrderTransitions({ orderId, state }: { orderId: string; state: OrderState }) {
  const router = useRouter();
  const [busy, setBusy] = useState<OrderState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const targets = adminTransitions(state);
  if (targets.length === 0) return <span className="text-xs text-muted">—</span>;

  async function move(to: OrderState) {
    if (
      (to === "cancelled" || to === "refunded") &&
      !window.confirm(`주문을 '${STATE_LABELS[to]}' 상태로 바꿀까요?`)
    )
      return;
    setBusy(to);
    setError(null);
    try {
      await transitionOrder(browserTransport, orderId, to);
      router.refresh();
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === "ORDER_TRANSITION_INVALID"
          ? "지금 상태에서는 바꿀 수 없어요."
          : "바꾸지 못했어요.",
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {targets.map((to, i) => (
        <button
          key={to}
          type="button"
          disabled={busy !== null}
          onClick={() => move(to)}
          className={clsx(
            "rounded-lg px-2.5 py-1.5 text-xs font-semibold disabled:opacity-50",
            i === 0
              ? "bg-brand text-white hover:bg-brand-strong"
              : "border border-slate-300 hover:bg-slate-50",
          )}
        >
          {busy === to ? "…" : `→ ${STATE_LABELS[to]}`}
        </button>
      ))}
      {error ? (
        <span role="alert" className="text-xs text-sale">
          {error}
        </span>
      ) : null}
    </div>
  );
}
