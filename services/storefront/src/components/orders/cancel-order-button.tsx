"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { browserTransport } from "@/lib/api/browser";
import { ApiError } from "@/lib/api/http";
import { cancelOrder } from "@/lib/api/orders";
import { Alert } from "@/components/ui/alert";
import { buttonDanger } from "@/components/ui/styles";

/** Cancels the order (before shipping; a paid order is refunded by the order service). */
export function CancelOrderButton({ orderId }: { orderId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    if (!window.confirm("이 주문을 취소할까요? 결제된 금액은 환불돼요.")) return;
    setBusy(true);
    setError(null);
    try {
      await cancelOrder(browserTransport, orderId);
      router.refresh();
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === "ORDER_TRANSITION_INVALID"
          ? "이미 배송이 시작되어 취소할 수 없어요."
          : "취소하지 못했어요. 잠시 후 다시 시도해 주세요.",
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <button type="button" onClick={cancel} disabled={busy} className={buttonDanger}>
        {busy ? "취소하는 중…" : "주문 취소"}
      </button>
    </div>
  );
}
