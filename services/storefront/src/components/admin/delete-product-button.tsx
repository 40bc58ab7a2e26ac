"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { browserTransport } from "@/lib/api/browser";
import { deleteProduct } from "@/lib/api/products";
import { buttonDanger } from "@/components/ui/styles";

export function DeleteProductButton({
  id,
  name,
  redirectTo,
}: {
  id: string;
  name: string;
  redirectTo?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  async function remove() {
    if (!window.confirm(`'${name}' 상품을 삭제할까요?`)) return;
    setBusy(true);
    setError(false);
    try {
      await deleteProduct(browserTransport, id);
      if (redirectTo) router.push(redirectTo);
      else router.refresh();
    } catch {
      setError(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <button
      type="button"
      onClick={remove}
      disabled={busy}
      className={buttonDanger}
      aria-label={`${name} 삭제`}
    >
      {busy ? "삭제 중…" : error ? "다시 시도" : "삭제"}
    </button>
  );
}
